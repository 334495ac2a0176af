// The fault suite (`npm run test:faults`): specs under test/faults/ that stop, start and pause PostgreSQL and Kafka.
// They get a private PostgreSQL and Kafka of their own (libs/testing/src/faults) and run one at a time; `npm test`
// never picks them up (jest.preset.js ignores test/faults/).
const path = require('node:path');
const jestProject = require('./jest.preset');

const base = jestProject(__dirname, 'faults');
module.exports = {
  ...base,
  roots: ['<rootDir>/libs', '<rootDir>/services', '<rootDir>/deploy'],
  testMatch: ['**/test/faults/**/*.faults.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  globalSetup: path.join(__dirname, 'libs/testing/src/faults/fault-global-setup.ts'),
  globalTeardown: path.join(__dirname, 'libs/testing/src/faults/fault-global-teardown.ts'),
  maxWorkers: 1,
  testTimeout: 240_000,
};

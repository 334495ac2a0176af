// The whole-stack suite (`npm run test:stack`): specs under test/stack/ that start the built services as `npm start`
// does and take minutes (the launcher's own behaviour, the public origin, the benchmarks' smoke run, the demo month
// played by every service then read back from the dashboard, hostile input sent to every argument of the composed
// schema).
// Run alone, one at a time, after `npm test`, so that they neither slow the other specs nor are slowed by them; they
// use the test PostgreSQL and Kafka of `npm test` (libs/testing). `npm test` never picks them up (jest.preset.js
// ignores test/stack/).
const jestProject = require('./jest.preset');

const base = jestProject(__dirname, 'stack');
module.exports = {
  ...base,
  roots: ['<rootDir>/libs', '<rootDir>/services', '<rootDir>/deploy', '<rootDir>/bench'],
  testMatch: ['**/test/stack/**/*.stack.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  maxWorkers: 1,
  testTimeout: 120_000,
};

// The web console's end-to-end specs (`npm run test:console`, the last step of `npm test`): their own Jest run, after the
// other projects', whose global setup starts one stack for all of them (console-stack.global-setup.ts). Run apart, the
// stack playing its demo month and the browsers do not compete with the launcher's stacks and the services' specs.
const path = require('node:path');
const preset = require('../../../../jest.preset')(path.join(__dirname, '..', '..'), 'console-e2e');

module.exports = {
  ...preset,
  testMatch: ['<rootDir>/test/console/**/*.e2e.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  globalSetup: path.join(__dirname, 'console-stack.global-setup.ts'),
  // Two specs at a time against the one stack, each with its own browser.
  maxWorkers: 2,
  testTimeout: 90_000,
};

// The web console's end-to-end specs: one Jest project whose global setup starts one stack for all of them
// (console-stack.global-setup.ts), beside the other projects of `npm test`.
const path = require('node:path');
const preset = require('../../../../jest.preset')(path.join(__dirname, '..', '..'), 'console-e2e');

module.exports = {
  ...preset,
  testMatch: ['<rootDir>/test/console/**/*.e2e.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  globalSetup: path.join(__dirname, 'console-stack.global-setup.ts'),
};

// Shared Jest settings: every project's jest.config.js calls this with its own directory and name.
const path = require('node:path');
const fs = require('node:fs');

const swcConfig = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swcConfig.$schema;

module.exports = function jestProject(dir, name) {
  return {
    displayName: name,
    rootDir: dir,
    testEnvironment: 'node',
    testEnvironmentOptions: { customExportConditions: ['development', 'node', 'node-addons'] },
    transform: { '^.+\\.ts$': ['@swc/jest', { ...swcConfig, swcrc: false }] },
    moduleFileExtensions: ['ts', 'js', 'json'],
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    setupFiles: [path.join(__dirname, 'libs/testing/src/quiet-logs.ts')],
    globalSetup: path.join(__dirname, 'libs/testing/src/global-setup.ts'),
    globalTeardown: path.join(__dirname, 'libs/testing/src/global-teardown.ts'),
  };
};

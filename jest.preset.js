// Shared Jest settings: every project's jest.config.js calls this with its own directory and name.
const path = require('node:path');
const fs = require('node:fs');

// Nest 12 and other dependencies are ES modules that our CommonJS code require()s: Jest can only load them with Node's
// VM modules (ADR 0008). Say so plainly instead of failing every suite with "Must use import to load ES Module".
if (typeof require('node:vm').SourceTextModule !== 'function') {
  throw new Error(
    'Jest needs NODE_OPTIONS="--conditions=development --experimental-vm-modules": run it as `npm run jest -- <args>`.',
  );
}

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
    // Fault specs stop and pause their infrastructure: only `npm run test:faults` (jest.faults.config.js) runs them;
    // Keycloak specs start a real Keycloak: only `npm run test:keycloak` (jest.keycloak.config.js) runs them; whole-stack
    // specs that wait minutes: only `npm run test:stack` (jest.stack.config.js).
    // The console's end-to-end specs are a run of their own (`npm run test:console`, deploy/local/test/console/).
    testPathIgnorePatterns: ['/node_modules/', '/test/faults/', '/test/keycloak/', '/test/stack/', '/test/console/'],
    setupFiles: [path.join(__dirname, 'libs/testing/src/quiet-logs.ts')],
    globalSetup: path.join(__dirname, 'libs/testing/src/global-setup.ts'),
    globalTeardown: path.join(__dirname, 'libs/testing/src/global-teardown.ts'),
  };
};

// One Jest run over every project, so the real PostgreSQL and Kafka start once (see libs/testing/src/global-setup.ts).
// The console's end-to-end specs run after it, on their own (`npm run test:console`, deploy/local/test/console/).
module.exports = {
  projects: [
    '<rootDir>/libs/*/jest.config.js',
    '<rootDir>/services/*/jest.config.js',
    '<rootDir>/deploy/local/jest.config.js',
    '<rootDir>/bench/jest.config.js',
  ],
  maxWorkers: 2,
  testTimeout: 90_000,
};

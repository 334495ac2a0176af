// One Jest run over every project, so the real PostgreSQL and Kafka start once (see libs/testing/src/global-setup.ts).
module.exports = {
  projects: [
    '<rootDir>/libs/*/jest.config.js',
    '<rootDir>/services/*/jest.config.js',
    '<rootDir>/deploy/local/jest.config.js',
    '<rootDir>/deploy/local/test/console/jest.config.js',
    '<rootDir>/bench/jest.config.js',
  ],
  maxWorkers: 2,
  testTimeout: 90_000,
};

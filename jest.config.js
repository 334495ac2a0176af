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
  // A worker keeps what each file's module registry (Nest, TypeORM, Apollo under VM modules) leaves behind: one grew
  // past Node's heap limit and crashed a file. A worker above this after a file is replaced by a fresh one.
  workerIdleMemoryLimit: '2GB',
  testTimeout: 90_000,
};

// The Keycloak suite (`npm run test:keycloak`): specs under test/keycloak/ that sign in through a real Keycloak, run
// from its Maven Central distribution (libs/infra, cached under .data/cache/keycloak). They use the test PostgreSQL and
// Kafka of `npm test` (libs/testing) and run one at a time; `npm test` never picks them up (jest.preset.js ignores
// test/keycloak/).
const jestProject = require('./jest.preset');

const base = jestProject(__dirname, 'keycloak');
module.exports = {
  ...base,
  roots: ['<rootDir>/libs', '<rootDir>/services', '<rootDir>/deploy'],
  testMatch: ['**/test/keycloak/**/*.keycloak.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  maxWorkers: 1,
  testTimeout: 120_000,
};

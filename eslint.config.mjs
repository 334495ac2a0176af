import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';

// ---------------------------------------------------------------------------------------------------------------------
// Service layers (docs/service-anatomy.md, checked by libs/service-kit/test/layer-rules.spec.ts). Each
// services/<name>/src is split into domain/, application/, infrastructure/ and interface/, plus the wiring (modules,
// main.ts, config/, demo/). The rules match import strings, so a relative `../../infrastructure/x` is caught like any
// other path. Each service file gets exactly one of the blocks below, because a later flat-config block replaces (does
// not merge) the options of `no-restricted-imports` and `no-restricted-syntax`. Specs are exempt: they build fixtures
// and may read the real clock. The gateway has none of these folders (it authenticates, composes and routes; no domain
// of its own), so only the event-handler placement rule reaches it.
// ---------------------------------------------------------------------------------------------------------------------
const SERVICE_SRC = 'services/*/src';
const SPECS = '**/*.spec.ts';

const importOfLayer = (layers, message) => ({ regex: `(^|/)(${layers.join('|')})(/|$)`, message });
const readingTheClock = (message) => [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message },
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message },
];
// The transaction's EntityManager, reached without naming it: only repositories (infrastructure/) join it.
const NO_TRANSACTION_MANAGER = {
  name: '@msp/persistence',
  importNames: ['activeManager', 'requireActiveManager', 'inTransaction'],
  message:
    'Only infrastructure/ repositories join the transaction (activeManager()); here, run the work in ' +
    'TransactionRunner.run() and call repository ports.',
};
const layerRules = {
  domainImports: [
    importOfLayer(
      ['application', 'infrastructure', 'interface'],
      'domain/ is pure: it imports nothing from application/, infrastructure/ or interface/. Move the rule into domain/, or the work into an application handler.',
    ),
    {
      regex: '^@nestjs/',
      message: 'domain/ does not depend on Nest: keep it plain TypeScript; injectable services belong in application/.',
    },
    {
      regex: '^(typeorm|pg|kafkajs)(/|$)',
      message:
        'domain/ knows no database or broker: state what it needs as a port in application/, implemented in infrastructure/.',
    },
    {
      regex: '^@msp/(?!errors(/|$)|calendar(/|$)|french-csv(/|$)|contracts(/|$))',
      message:
        'domain/ may use @msp/errors, @msp/calendar, @msp/french-csv (pure text rules) and types from @msp/contracts only; the other libs serve application/ and below.',
    },
    {
      // The professions vocabulary is pure data with no imports (the directory's codes and the groups rules name), so
      // domain rules take it as they take @msp/calendar.
      regex: '^@msp/contracts(?!/professions$)(/|$)',
      allowTypeImports: true,
      message:
        'domain/ may import only types from @msp/contracts (values from @msp/contracts/professions): write `import type`.',
    },
  ],
  noTypeOrm: (layer) => ({
    regex: '^(typeorm|@nestjs/typeorm)(/|$)',
    message: `${layer} never touches TypeORM: depend on a repository port (abstract class in application/) implemented in infrastructure/.`,
  }),
  noDrivers: (layer) => ({
    regex: '^(pg|kafkajs)(/|$)',
    message: `${layer} never uses the PostgreSQL or Kafka drivers: go through a port, TransactionRunner (@msp/persistence) or OutboxWriter (@msp/messaging).`,
  }),
  interfaceImports: [
    importOfLayer(
      ['infrastructure'],
      'interface/ never reaches infrastructure/ (repositories, entities, clients): call an application handler or query and map its read model.',
    ),
    {
      regex: '^(typeorm|@nestjs/typeorm)(/|$)',
      message: 'interface/ never touches TypeORM: call an application handler or query.',
    },
    NO_TRANSACTION_MANAGER,
  ],
  domainClock: readingTheClock(
    'domain/ never reads the clock: take `now` as a parameter; the application handler gets it from Clock.',
  ),
  applicationClock: readingTheClock(
    '"Now" comes from Clock: inject `Clock` from @msp/service-kit and call `clock.now()`, so that tests can set the time.',
  ),
  noDataSource: {
    selector: 'Identifier[name=/^(DataSource|EntityManager)$/]',
    message:
      'Only infrastructure/ uses DataSource or EntityManager: depend on a repository port and run the work in ' +
      'TransactionRunner.run(); repositories join the transaction through activeManager() (@msp/persistence).',
  },
  eventHandlersInInterfaceEvents: {
    selector: "Decorator[expression.callee.name='HandleEvent']",
    message:
      '@HandleEvent methods live in interface/events/: keep the handler there, thin (validate, translate), calling an ' +
      'application handler or projection.',
  },
};
// `imports` mixes module restrictions (with a `name`, for `paths`) and import-string patterns (for `patterns`).
const layerBlock = (name, files, ignores, imports, syntax) => ({
  name: `msp/layers/${name}`,
  files,
  ignores: [SPECS, ...ignores],
  rules: {
    ...(imports.length > 0 && {
      'no-restricted-imports': [
        'error',
        { paths: imports.filter((i) => 'name' in i), patterns: imports.filter((i) => !('name' in i)) },
      ],
    }),
    'no-restricted-syntax': ['error', ...syntax],
  },
});
const serviceLayers = [
  layerBlock('domain', [`${SERVICE_SRC}/domain/**/*.ts`], [], layerRules.domainImports, [
    ...layerRules.domainClock,
    layerRules.eventHandlersInInterfaceEvents,
  ]),
  layerBlock(
    'application',
    [`${SERVICE_SRC}/application/**/*.ts`],
    [],
    [
      importOfLayer(
        ['infrastructure'],
        'application/ depends on ports, not implementations: declare an abstract class port in application/ (bound to its infrastructure/ class in the feature module) and return read models, not entities.',
      ),
      importOfLayer(
        ['interface'],
        'application/ never imports interface/: move the shared type into application/ or domain/.',
      ),
      layerRules.noTypeOrm('application/'),
      layerRules.noDrivers('application/'),
      NO_TRANSACTION_MANAGER,
    ],
    [...layerRules.applicationClock, layerRules.noDataSource, layerRules.eventHandlersInInterfaceEvents],
  ),
  layerBlock(
    'infrastructure',
    [`${SERVICE_SRC}/infrastructure/**/*.ts`],
    [],
    [
      importOfLayer(
        ['interface'],
        'infrastructure/ never imports interface/: implement an application/ port, and let interface/ call the application.',
      ),
    ],
    [layerRules.eventHandlersInInterfaceEvents],
  ),
  layerBlock(
    'interface',
    [`${SERVICE_SRC}/interface/**/*.ts`],
    [`${SERVICE_SRC}/interface/events/**`],
    layerRules.interfaceImports,
    [layerRules.noDataSource, layerRules.eventHandlersInInterfaceEvents],
  ),
  layerBlock('interface-events', [`${SERVICE_SRC}/interface/events/**/*.ts`], [], layerRules.interfaceImports, [
    layerRules.noDataSource,
  ]),
  layerBlock(
    'wiring',
    [`${SERVICE_SRC}/**/*.ts`],
    ['domain', 'application', 'infrastructure', 'interface'].map((layer) => `${SERVICE_SRC}/${layer}/**`),
    [],
    [layerRules.eventHandlersInInterfaceEvents],
  ),
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.data', '**/*.js'] },
  {
    files: ['**/*.ts'],
    rules: {
      // Services share only libs: a service importing another service fails the build. (Tests of services and libs
      // may use the test harness; production code may not: see msp/no-test-harness-in-production below.)
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          // The launcher is an application; the benchmarks (type:bench, below) start the stack through it.
          allow: ['@msp/local-stack'],
          depConstraints: [
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:lib', 'type:testing'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', 'type:testing'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:testing'] },
            // The web console runs in the browser: it takes vocabularies from browser-safe subpaths of the libs
            // (e.g. `@msp/contracts/call-vocabulary`), never a service.
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            // The benchmarks start the stack through the launcher, as `npm start` does.
            { sourceTag: 'type:bench', onlyDependOnLibsWithTags: ['type:lib', 'type:testing', 'type:tool'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts', 'deploy/**/*.ts', 'bench/**/*.ts', 'libs/testing/**/*.ts'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // A separate rule name from the layers' `no-restricted-imports`, so neither block replaces the other's options.
    name: 'msp/no-test-harness-in-production',
    files: ['services/*/src/**/*.ts', 'libs/*/src/**/*.ts', 'deploy/*/src/**/*.ts'],
    ignores: [SPECS, 'libs/testing/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@msp/testing',
              message:
                'The test harness (@msp/testing) is for specs only: production code must not start test databases or sign test contexts.',
            },
          ],
        },
      ],
    },
  },
  // The console's React code: the rules of hooks (and the React Compiler's checks the plugin ships with).
  { ...reactHooks.configs.flat.recommended, files: ['services/console/src/**/*.{ts,tsx}'] },
  ...serviceLayers,
];

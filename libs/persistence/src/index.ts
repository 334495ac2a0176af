export * from './concurrency-failure';
export * from './data-source.factory';
export * from './run-migrations';
export * from './transaction-context';
export * from './transaction-runner';
export * from './persistence.module';

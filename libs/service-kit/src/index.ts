export * from './platform-subgraph.module';
export * from './start-platform-service';
export * from './service-env';
export * from './clock';
export * from './platform-exception.filter';
export * from './argument-checks.interceptor';
export * from './http-input-checks.pipe';
export * from './periodic-task';

export * from './platform-subgraph.module';
export * from './start-platform-service';
export * from './service-env';
export * from './clock';

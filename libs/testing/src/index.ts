export * from './test-environment';
export * from './expect-eventually';
export * from './service-test-app';
export * from './consumer-group-at-end';
export { faultKafka, faultPostgres } from './faults/fault-infrastructure';
export { buildWorkspace, builtStackEnv } from './build-workspace';
export * from './internal-api-stub';
export * from './test-event-publisher';
export * from './subgraph-process';

export * from './test-environment';
export * from './expect-eventually';
export * from './service-test-app';
export { faultKafka, faultPostgres } from './faults/fault-infrastructure';

export * from './domain-error';
export * from './error-mappings';
export * from './outage';
export * from './input-checks';
export * from './error-log';
export * from './phone-number';

export * from './services';
export * from './service-env';
export * from './stack-lock';

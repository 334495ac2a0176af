export * from './services';
export * from './service-env';
export * from './stack-lock';
export * from './local-stack';
export * from './stack-secrets';

export * from './test-environment';
export * from './expect-eventually';

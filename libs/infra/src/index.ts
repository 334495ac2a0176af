export * from './workspace-paths';
export * from './free-port';
export * from './wait-until';
export * from './child-process';
export * from './missing-prerequisite.error';
export * from './kafka/kafka-jars';
export * from './kafka/local-kafka';
export * from './postgres/postgres-server';

import 'reflect-metadata';
import { startCoordination } from './coordination.bootstrap';
import { CoordinationConfig } from './config/coordination.config';

startCoordination(CoordinationConfig.fromEnv(process.env)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

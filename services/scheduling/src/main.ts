import 'reflect-metadata';
import { SchedulingConfig } from './config/scheduling.config';
import { startScheduling } from './scheduling.bootstrap';

startScheduling(SchedulingConfig.fromEnv(process.env)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

import 'reflect-metadata';
import { startDelegation } from './delegation.bootstrap';
import { DelegationConfig } from './config/delegation.config';

startDelegation(DelegationConfig.fromEnv(process.env)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

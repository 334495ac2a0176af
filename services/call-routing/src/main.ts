import 'reflect-metadata';
import { startCallRouting } from './call-routing.bootstrap';
import { CallRoutingConfig } from './config/call-routing.config';

startCallRouting(CallRoutingConfig.fromEnv(process.env)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

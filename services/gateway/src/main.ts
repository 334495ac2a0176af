import 'reflect-metadata';
import { GatewayConfig } from './config/gateway.config';
import { startGateway } from './gateway.bootstrap';

async function main(): Promise<void> {
  await startGateway(GatewayConfig.fromEnv(process.env));
}

main().catch((error: unknown) => {
  // The logger may not exist yet (bad configuration), so the reason goes straight to stderr.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

import { Client } from 'pg';
import { databaseUrl } from '@msp/infra';
import { testPostgresAdminUrl } from '@msp/testing';
import { databaseName, SERVICES } from '../../src/services';

/** The environment variable naming the console stack's state file, set by the global setup for Jest's workers. */
export const CONSOLE_STACK_FILE = 'MSP_CONSOLE_STACK_FILE';

/** What the console project's global setup writes as its stack starts (console-stack.global-setup.ts). */
export type ConsoleStackState =
  | { status: 'starting'; prefix: string; dataDir: string }
  | { status: 'up'; prefix: string; dataDir: string; gatewayUrl: string }
  | { status: 'failed'; prefix: string; dataDir: string; error?: string };

/** A statement on one service's database (`directory`, `scheduling`, `call-routing`…) of the console stack. */
export async function consoleStackSql<T>(
  prefix: string,
  service: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const definition = SERVICES.find((s) => s.name === service);
  if (!definition?.database) throw new Error(`No service with a database is called ${service}`);
  const client = new Client({
    connectionString: databaseUrl(testPostgresAdminUrl(), databaseName(definition, prefix)),
  });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

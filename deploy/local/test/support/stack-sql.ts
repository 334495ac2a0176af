import { Client } from 'pg';
import { databaseUrl } from '@msp/infra';
import { testPostgresAdminUrl } from '@msp/testing';
import { databaseName, SERVICES } from '../../src/services';

/**
 * A statement on one service's database (`directory`, `scheduling`, `call-routing`…) of a stack the specs started with
 * this database prefix (`MSP_DATABASE_PREFIX`): the console's, the demo stack, the launcher's platform stack.
 */
export async function stackSql<T>(prefix: string, service: string, text: string, values: unknown[] = []): Promise<T[]> {
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

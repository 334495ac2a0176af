import { Client } from 'pg';
import { DemoDataDeclaration, ServiceDefinition } from './services';

/** What became of one service's demo data, decided by looking at its database before starting it. */
export interface DemoDataReport {
  service: string;
  declared: DemoDataDeclaration;
  /** `loaded`: its database was empty; `kept`: it already held data, which the service leaves as it is; `skipped`: --no-demo-data. */
  outcome: 'loaded' | 'kept' | 'skipped';
}

/** Whether `table` exists in the database at `url` and has a row; a database not migrated yet has none. */
export async function tableHasRows(url: string, table: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ present: boolean }>('select to_regclass($1) is not null as present', [table]);
    if (!rows[0].present) return false;
    const { rows: found } = await client.query<{ present: boolean }>(
      `select exists (select 1 from "${table}") as present`,
    );
    return found[0].present;
  } finally {
    await client.end();
  }
}

/** The demo data report of a service that declares demo data, given its database's URL. */
export async function demoDataReport(
  service: ServiceDefinition,
  databaseUrl: string,
  demoData: boolean,
): Promise<DemoDataReport | undefined> {
  const declared = service.demoData;
  if (!declared) return undefined;
  if (!demoData) return { service: service.name, declared, outcome: 'skipped' };
  const present = await tableHasRows(databaseUrl, declared.skippedWhenRowsIn.table);
  return { service: service.name, declared, outcome: present ? 'kept' : 'loaded' };
}

/**
 * Services rebuild their views of each other from events; a new broker has none of the earlier ones. Said once when a
 * new Kafka meets databases with a past and some service declares event-fed views; undefined otherwise.
 */
export function staleViewsWarning(
  services: readonly ServiceDefinition[],
  kafkaIsNew: boolean,
  databasesWithPast: readonly string[],
): string | undefined {
  const affected = services.filter((s) => s.eventFedViews);
  if (!kafkaIsNew || !databasesWithPast.length || !affected.length) return undefined;
  return (
    `Warning: Kafka is new but ${databasesWithPast.length > 1 ? 'databases' : 'database'} ` +
    `${databasesWithPast.join(', ')} already ${databasesWithPast.length > 1 ? 'have' : 'has'} a past. Events ` +
    `published before are not on this broker, so these views start incomplete: ` +
    `${affected.map((s) => `${s.name}'s ${s.eventFedViews}`).join('; ')}. For a clean start, use another ` +
    `MSP_DATABASE_PREFIX or drop the old databases.`
  );
}

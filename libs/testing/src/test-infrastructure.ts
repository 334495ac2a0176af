import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTopics, LocalKafka, PostgresServer, resolvePostgres, startLocalKafka } from '@msp/infra';
import { publishTemplateRegistry } from './template-databases';
import { testKeys } from './test-environment';

/** What global setup started, kept on the Jest parent's global object until global teardown. */
export interface TestInfrastructure {
  kafka?: LocalKafka;
  postgres: PostgresServer;
  scratchDir: string;
  /** What runs on them and must stop first (a stack a project's global setup started), newest first. */
  dependents: Array<() => Promise<void>>;
}

const KEY = '__mspTestInfrastructure';
type Holder = { [KEY]?: TestInfrastructure };

/**
 * Starts (or reuses) one real PostgreSQL and one real Kafka for the whole Jest run and publishes their addresses to the
 * workers through environment variables. Honours DATABASE_URL and KAFKA_BROKERS like the local stack does.
 */
export async function startTestInfrastructure(): Promise<void> {
  const holder = globalThis as Holder;
  if (holder[KEY] || process.env.MSP_TEST_DATABASE_URL) return; // already up: Jest runs one global setup per project
  const scratchDir = mkdtempSync(join(tmpdir(), 'msp-test-'));
  const postgres = await resolvePostgres(join(scratchDir, 'postgres'));
  let kafka: LocalKafka | undefined;
  if (!process.env.KAFKA_BROKERS) {
    try {
      kafka = await startLocalKafka(join(scratchDir, 'kafka'));
    } catch (error) {
      await postgres.stop();
      throw error;
    }
  }
  holder[KEY] = { kafka, postgres, scratchDir, dependents: [] };
  const brokers = process.env.KAFKA_BROKERS ?? kafka?.brokers ?? '';
  await createTopics(brokers.split(','));
  process.env.MSP_TEST_DATABASE_URL = postgres.adminUrl;
  process.env.MSP_TEST_KAFKA_BROKERS = brokers;
  testKeys(); // one set of key pairs for the whole run, inherited by the workers
  publishTemplateRegistry(scratchDir);
}

/**
 * Something a global setup started on the test PostgreSQL and Kafka (a whole stack): stopped before them, whichever
 * project's global teardown Jest runs first.
 */
export function whenTestInfrastructureStops(stop: () => Promise<void>): void {
  const infra = (globalThis as Holder)[KEY];
  if (!infra)
    throw new Error('The test infrastructure is not started in this process: call startTestInfrastructure first');
  infra.dependents.unshift(stop);
}

export async function stopTestInfrastructure(): Promise<void> {
  const holder = globalThis as Holder;
  const infra = holder[KEY];
  if (!infra) return;
  delete holder[KEY];
  for (const stop of infra.dependents) await stop().catch(() => undefined);
  await Promise.allSettled([infra.kafka?.stop(), infra.postgres.stop()]);
  rmSync(infra.scratchDir, { recursive: true, force: true });
}

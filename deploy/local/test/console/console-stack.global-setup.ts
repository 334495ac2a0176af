import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase, freePort, waitUntil, workspaceRoot } from '@msp/infra';
import {
  buildWorkspace,
  builtStackEnv,
  startTestInfrastructure,
  testPostgresAdminUrl,
  uniqueSuffix,
  whenTestInfrastructureStops,
} from '@msp/testing';
import { LocalStack } from '../../src/local-stack';
import { databaseName, SERVICES } from '../../src/services';
import { stackSql } from '../support/stack-sql';
import { CONSOLE_STACK_FILE, type ConsoleStackState } from './console-stack';

/** Scheduling's month, then call routing's (it waits for the consultations): both played on a loaded CI machine. */
const DEMO_MONTHS_TIMEOUT_MS = 900_000;

/**
 * The console run's global setup: ONE stack as `npm start` runs it (demo data on) for every console spec, started in
 * the background so that Jest loads the specs meanwhile; each spec's harness waits for the state file below,
 * which says "up" once the MSP des Lices' demo month is played by scheduling and call routing — so that no spec books
 * while a demo day's transaction holds a practitioner's agenda, and every page shows a settled month. Stopped (and its
 * databases dropped) before the test PostgreSQL and Kafka, by the first global teardown Jest runs.
 */
export default async function startConsoleStack(): Promise<void> {
  if (process.env[CONSOLE_STACK_FILE]) return;
  await startTestInfrastructure();
  const prefix = `t${uniqueSuffix()}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'msp-console-stack-'));
  const stateFile = join(dataDir, 'state.json');
  const write = (state: ConsoleStackState) => writeFileSync(stateFile, JSON.stringify(state));
  write({ status: 'starting', prefix, dataDir });
  process.env[CONSOLE_STACK_FILE] = stateFile;

  // A gateway port of its own: the launcher prefers 4000, and other stacks starting on the machine (the launcher's
  // specs, a developer's `npm start`) would race for it, one checking another's gateway for its health.
  const env = builtStackEnv(prefix, { MSP_DATA_DIR: dataDir, PORT: String(await freePort()) });
  const stack = new LocalStack({ dataDir, workspaceRoot: workspaceRoot(), env, services: SERVICES, demoData: true });
  const started = buildWorkspace(env)
    .then(() => stack.start())
    .then(async (summary) => {
      await demoMonthsPlayed(prefix);
      return summary;
    })
    .then(
      (summary) => write({ status: 'up', prefix, dataDir, gatewayUrl: summary.gateway!.url }),
      (error: unknown) =>
        write({ status: 'failed', prefix, dataDir, error: error instanceof Error ? error.stack : String(error) }),
    );
  whenTestInfrastructureStops(async () => {
    await started;
    await stack.stop();
    for (const service of SERVICES.filter((s) => s.database))
      await dropDatabase(testPostgresAdminUrl(), databaseName(service, prefix));
    rmSync(dataDir, { recursive: true, force: true });
  });
}

async function demoMonthsPlayed(prefix: string): Promise<void> {
  const sql = (service: string, text: string, values: unknown[] = []) =>
    stackSql<{ id: string }>(prefix, service, text, values);
  const [lices] = await sql('directory', `select id from structure where name = 'MSP des Lices'`);
  await waitUntil(
    'the demo month of the MSP des Lices, played by scheduling and call routing',
    async () => {
      const played = await sql(
        'scheduling',
        'select structure_id as id from demo_month where structure_id = $1 and completed_at is not null',
        [lices.id],
      );
      if (!played.length) return undefined;
      const answered = await sql(
        'call-routing',
        'select structure_id as id from demo_month_play where structure_id = $1 and finished_at is not null',
        [lices.id],
      );
      return answered.length ? true : undefined;
    },
    { timeoutMs: DEMO_MONTHS_TIMEOUT_MS, intervalMs: 2_000 },
  );
}

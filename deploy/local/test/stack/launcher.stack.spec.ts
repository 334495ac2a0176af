import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevIssuer } from '@msp/auth';
import { dropDatabase, isAlive, workspaceRoot } from '@msp/infra';
import { LocalStack } from '../../src/local-stack';
import type { PlannedService } from '../../src/service-env';
import { databaseName, SERVICES } from '../../src/services';
import { buildWorkspace, builtStackEnv, expectEventually, testPostgresAdminUrl, uniqueSuffix } from '@msp/testing';
import { lockFilePath, StackState } from '../../src/stack-lock';
import { stackSql } from '../support/stack-sql';

const root = workspaceRoot();
/** Databases of this spec's stacks, apart from any other stack on the same PostgreSQL server. */
const DATABASE_PREFIX = `t${uniqueSuffix()}`;
const MAIN = join(root, 'deploy/local/dist/main.js');

/** The built launcher runs the built services: no development condition, which would point packages at TypeScript. */
function launcherEnv(dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return builtStackEnv(DATABASE_PREFIX, { MSP_DATA_DIR: dataDir, LOG_LEVEL: 'info', ...extra });
}

class Launcher {
  output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly child: ChildProcess;

  constructor(dataDir: string, extra: NodeJS.ProcessEnv = {}) {
    this.child = spawn(process.execPath, [MAIN], {
      cwd: root,
      env: launcherEnv(dataDir, extra),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk) => (this.output += chunk));
    this.child.stderr?.on('data', (chunk) => (this.output += chunk));
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  // A whole stack, on two cores shared with the console specs' stack: minutes, not seconds, under npm test.
  async waitFor(pattern: RegExp, timeoutMs = 300_000): Promise<RegExpMatchArray> {
    return expectEventually(() => {
      const match = this.output.match(pattern);
      if (!match) throw new Error(`no ${pattern} in launcher output yet:\n${this.output}`);
      return match;
    }, timeoutMs);
  }
}

const descendants = (dir: string): string[] =>
  spawnSync('pgrep', ['-af', dir], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter((line) => line && !line.includes('pgrep'));

describe('npm start launcher (built, with the real gateway)', () => {
  let dataDir: string;
  let first: Launcher | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'msp-launcher-spec-'));
    await buildWorkspace(launcherEnv(dataDir));
  }, 600_000);

  afterAll(async () => {
    if (first && first.child.exitCode === null) {
      first.child.kill('SIGKILL');
      await first.exited;
    }
    for (const service of SERVICES.filter((s) => s.database))
      await dropDatabase(testPostgresAdminUrl(), databaseName(service, DATABASE_PREFIX));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts the gateway, refuses a second launcher, and stops everything on SIGTERM', async () => {
    first = new Launcher(dataDir);
    // Seven services, composed by the gateway, on two cores shared with the console specs' stack.
    const [, graphqlUrl] = await first.waitFor(/GraphQL \(gateway\)\s+(http:\/\/127\.0\.0\.1:\d+\/graphql)/, 300_000);
    const base = graphqlUrl.replace(/\/graphql$/, '');
    expect(first.output).toMatch(/Kafka\s+\S+ \(given by KAFKA_BROKERS\)/);
    expect(first.output).toMatch(/PostgreSQL\s+DATABASE_URL: postgres:\/\//);
    expect(first.output).toContain(join(dataDir, 'logs'));
    expect(first.output).toContain('Ctrl-C to stop.');
    // New databases: every service loads its demo data, and the summary says so.
    expect(first.output).toMatch(/Demo data\s+loaded into empty databases\n\s+directory: the MSP des Lices/);

    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    // The web console, built with the workspace, on the gateway's origin; it signs in with the development issuer.
    expect(first.output).toContain(`Web console         ${base}/`);
    const consolePage = await fetch(`${base}/agenda`);
    expect(consolePage.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await consolePage.text()).toContain('<div id="root"></div>');
    expect(await (await fetch(`${base}/console-config.json`)).json()).toEqual({
      authority: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      clientId: 'msp-console',
    });
    const response = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    // The front door answers GraphQL and, without a token, says how to authenticate.
    expect(await response.json()).toMatchObject({
      errors: [{ extensions: { code: 'UNAUTHENTICATED', reason: 'MISSING_TOKEN' } }],
    });

    const state = JSON.parse(readFileSync(lockFilePath(dataDir), 'utf8')) as StackState;
    expect(state).toMatchObject({ pid: first.child.pid, status: 'running', gatewayUrl: base });
    const servicePids = (state.services ?? []).map((s) => s.pid);
    expect(servicePids).toHaveLength(SERVICES.length);
    expect(servicePids.filter(isAlive)).toHaveLength(SERVICES.length);

    // A second launcher on the same data folder is refused, and says where the first one runs.
    const second = new Launcher(dataDir);
    expect((await second.exited).code).toBe(1);
    expect(second.output).toContain(
      `Another local stack is already running (pid ${first.child.pid}, gateway at ${base}`,
    );
    expect((await fetch(`${base}/health/ready`)).status).toBe(200); // the first is unharmed

    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(first.output).toContain('Stopped.');
    expect(servicePids.filter(isAlive)).toEqual([]);
    expect(descendants(dataDir)).toEqual([]);
    expect(() => readFileSync(lockFilePath(dataDir))).toThrow(/ENOENT/);
    expect(readFileSync(join(dataDir, 'logs', 'gateway.log'), 'utf8').length).toBeGreaterThan(0);
  }, 420_000);

  it('recovers from a launcher killed outright, and stops by itself when the shell that started it is killed', async () => {
    const killed = new Launcher(dataDir);
    await killed.waitFor(/Ctrl-C to stop/);
    // The first test's directory holds the demo structures now: they are kept, not loaded again.
    expect(killed.output).toMatch(/directory: already holds structures, left as they are/);
    expect(killed.output).not.toContain('loaded into empty databases');
    const killedState = JSON.parse(readFileSync(lockFilePath(dataDir), 'utf8')) as StackState;
    killed.child.kill('SIGKILL');
    await killed.exited;
    const orphans = (killedState.services ?? []).map((s) => s.pid);
    await expectEventually(() => expect(orphans.filter(isAlive)).toEqual([]), 20_000);

    // The next launcher replaces the stale lock. It runs under a shell, as npm start's script shell runs it (`; true`
    // keeps sh alive as the parent instead of exec-ing node), and goes when that shell is killed.
    const shell = spawn('sh', ['-c', `"${process.execPath}" "${MAIN}"; true`], {
      cwd: root,
      env: launcherEnv(dataDir),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    shell.stdout?.on('data', (chunk) => (output += chunk));
    await expectEventually(() => expect(output).toMatch(/Ctrl-C to stop/), 300_000);
    const state = JSON.parse(readFileSync(lockFilePath(dataDir), 'utf8')) as StackState;
    expect(state.pid).not.toBe(killedState.pid);
    shell.kill('SIGKILL');
    await expectEventually(() => {
      expect(isAlive(state.pid)).toBe(false);
      expect(descendants(dataDir)).toEqual([]);
    }, 40_000);
    expect(output).toContain('The process that started the launcher is gone: stopping.');
  }, 900_000);

  it('explains a missing prerequisite in words, without a stack trace, and exits 1', async () => {
    // No KAFKA_BROKERS and no Java on the PATH: the local broker cannot run.
    const launcher = new Launcher(dataDir, { KAFKA_BROKERS: '', PATH: '/nonexistent' });
    expect((await launcher.exited).code).toBe(1);
    expect(launcher.output).toContain('Missing prerequisite: Java is not installed');
    expect(launcher.output).toContain('How to fix:');
    expect(launcher.output).not.toMatch(/\n\s+at /);
    expect(() => readFileSync(lockFilePath(dataDir))).toThrow(/ENOENT/);
  }, 60_000);

  it('names a service that cannot start and its log, then exits 1 with nothing left running', async () => {
    // Services validate their configuration at boot and exit on an unknown LOG_LEVEL: the launcher must say so, not hang.
    const failing = new Launcher(dataDir, { LOG_LEVEL: 'nonsense' });
    const { code } = await failing.exited;
    expect(code).toBe(1);
    expect(failing.output).toMatch(
      /(directory|gateway) stopped \(exit code 1\) before it was ready\. Its log, .*(directory|gateway)\.log/,
    );
    expect(descendants(dataDir)).toEqual([]);
  }, 600_000);
});

/**
 * The real directory and gateway (built), a second subgraph extending Member, the development issuer and demo data:
 * one query through the gateway, authenticated with a token, joins fields of both subgraphs.
 */
describe('the platform through the gateway (built services, real directory)', () => {
  const prefix = `t${uniqueSuffix()}`;
  let dataDir: string;
  let stack: LocalStack;
  let gatewayUrl: string;
  let scheduling: PlannedService;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'msp-platform-spec-'));
    await buildWorkspace(launcherEnv(dataDir));
    const env = launcherEnv(dataDir, { MSP_DATABASE_PREFIX: prefix, LOG_LEVEL: 'warn' });
    const services = [
      ...SERVICES,
      {
        name: 'extension',
        entry: join(__dirname, '..', 'fixtures', 'extension-subgraph.js'),
        role: 'subgraph',
        database: false,
        order: 20,
      } as const,
    ];
    delete env.PUBLIC_BASE_URL; // the gateway's own address is the public origin, as under npm start
    stack = new LocalStack({ dataDir, workspaceRoot: root, env, services, demoData: true });
    const summary = await stack.start();
    gatewayUrl = summary.gateway!.url;
    scheduling = summary.services.find((s) => s.service.definition.name === 'scheduling')!.service;
  }, 600_000);

  afterAll(async () => {
    await stack?.stop();
    for (const service of SERVICES.filter((s) => s.database))
      await dropDatabase(testPostgresAdminUrl(), databaseName(service, prefix));
    rmSync(dataDir, { recursive: true, force: true });
  });

  const graphql = async (query: string, token?: string) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${gatewayUrl}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query }) });
    return (await response.json()) as {
      data?: Record<string, unknown>;
      errors?: Array<{ extensions?: { code?: string; reason?: string } }>;
    };
  };

  const sql = (service: string, text: string) => stackSql<Record<string, string>>(prefix, service, text);

  it('joins a member with the fields another subgraph adds, for the signed-in caller', async () => {
    const [{ id }] = await sql('directory', `select id from member where email = 'secretariat@msp-lices.demo'`);
    const token = await (await DevIssuer.loadOrCreate(join(dataDir, 'dev-issuer'))).issue({ subject: id });

    const result = await graphql('{ me { id lastName profession seenBy nextFreeSlot } }', token);
    expect(result.errors).toBeUndefined();
    expect(result.data?.me).toMatchObject({
      id,
      profession: 'medical_secretary',
      seenBy: id,
      nextFreeSlot: '2026-11-24T08:00:00Z',
    });
  });

  it('gives the demo medical assistant a board of tasks under the protocols her referent adopted', async () => {
    const [{ id, structure_id: structureId }] = await sql(
      'directory',
      `select m.id, ms.structure_id from member m join membership ms on ms.member_id = m.id
       where m.email = 'manon.daniel@msp-lices.demo'`,
    );
    const token = await (await DevIssuer.loadOrCreate(join(dataDir, 'dev-issuer'))).issue({ subject: id });

    // Delegation loads its demo once the directory's members have reached its team copy, a few seconds after boot.
    await expectEventually(
      async () => {
        const result = await graphql(
          `{ taskBoard(filter: { structureId: "${structureId}", view: mine }) { taskType protocolId } }`,
          token,
        );
        expect(result.errors).toBeUndefined();
        const mine = result.data?.taskBoard as Array<{ taskType: string; protocolId: string | null }>;
        // Last month's work (renewals, files, exams) and this morning's, each under its protocol.
        expect(new Set(mine.map((t) => t.taskType))).toEqual(
          new Set(['exam_follow_up', 'prescription_renewal', 'insurance_files']),
        );
        expect(mine.every((t) => t.protocolId)).toBe(true);
      },
      90_000,
      500,
    );
  });

  it('refuses the same query without a token, with a clear reason', async () => {
    const result = await graphql('{ me { id } }');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'MISSING_TOKEN' });
  });

  it('serves the booking page of a practice and a practitioner’s calendar feed at the gateway’s address, not at scheduling’s private port', async () => {
    const [{ id: mspId }] = await sql('directory', `select id from structure where name = 'MSP des Lices'`);
    // Demo motifs arrive once the directory's members have reached scheduling.
    await expectEventually(
      async () => {
        const response = await fetch(`${gatewayUrl}/public/${mspId}/motifs`);
        expect(response.status).toBe(200);
        expect(((await response.json()) as { motifs: unknown[] }).motifs.length).toBeGreaterThan(0);
      },
      90_000,
      500,
    );

    const [{ id: gpId }] = await sql('directory', `select id from member where email = 'dr.le-gall@msp-lices.demo'`);
    const token = await (await DevIssuer.loadOrCreate(join(dataDir, 'dev-issuer'))).issue({ subject: gpId });
    const created = await graphql('mutation { createIcalFeed { url } }', token);
    expect(created.errors).toBeUndefined();
    const feedUrl = (created.data?.createIcalFeed as { url: string }).url;
    expect(feedUrl.startsWith(`${gatewayUrl}/ical/`)).toBe(true);
    const feed = await fetch(feedUrl);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');

    // Scheduling's private port (GraphQL, internal API, metrics) serves neither; its public port, behind the gateway, does.
    const feedPath = new URL(feedUrl).pathname;
    expect((await fetch(`${scheduling.url}${feedPath}`)).status).toBe(404);
    expect((await fetch(`${scheduling.url}/public/${mspId}/motifs`)).status).toBe(404);
    expect((await fetch(`${scheduling.publicUrl}${feedPath}`)).status).toBe(200);
  });
});

import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAlive, workspaceRoot } from '@msp/infra';
import { expectEventually, testKafkaBrokers, testPostgresAdminUrl } from '@msp/testing';
import { lockFilePath, StackState } from '../src/stack-lock';

const root = workspaceRoot();
const MAIN = join(root, 'deploy/local/dist/main.js');

/** The built launcher runs the built services: no development condition, which would point packages at TypeScript. */
function launcherEnv(dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MSP_DATA_DIR: dataDir,
    DATABASE_URL: testPostgresAdminUrl(),
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    PORT: '',
    LOG_LEVEL: 'info',
    ...extra,
  };
  delete env.NODE_OPTIONS;
  return env;
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

  async waitFor(pattern: RegExp, timeoutMs = 90_000): Promise<RegExpMatchArray> {
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

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'msp-launcher-spec-'));
    execFileSync('npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static'], {
      cwd: root,
      env: launcherEnv(dataDir, { NX_DAEMON: 'false', NX_TUI: 'false' }),
      stdio: 'pipe',
      timeout: 300_000,
    });
  }, 320_000);

  afterAll(async () => {
    if (first && first.child.exitCode === null) {
      first.child.kill('SIGKILL');
      await first.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts the gateway, refuses a second launcher, and stops everything on SIGTERM', async () => {
    first = new Launcher(dataDir);
    const [, graphqlUrl] = await first.waitFor(/GraphQL \(gateway\)\s+(http:\/\/127\.0\.0\.1:\d+\/graphql)/);
    const base = graphqlUrl.replace(/\/graphql$/, '');
    expect(first.output).toMatch(/Kafka\s+\S+ \(given by KAFKA_BROKERS\)/);
    expect(first.output).toMatch(/PostgreSQL\s+DATABASE_URL: postgres:\/\//);
    expect(first.output).toContain(join(dataDir, 'logs'));
    expect(first.output).toContain('Ctrl-C to stop.');

    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    const response = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });

    const state = JSON.parse(readFileSync(lockFilePath(dataDir), 'utf8')) as StackState;
    expect(state).toMatchObject({ pid: first.child.pid, status: 'running', gatewayUrl: base });
    const servicePids = (state.services ?? []).map((s) => s.pid);
    expect(servicePids).toHaveLength(1);
    expect(servicePids.filter(isAlive)).toHaveLength(1);

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
  }, 180_000);

  it('recovers from a launcher killed outright: its gateway dies with it and the stale lock is replaced', async () => {
    const killed = new Launcher(dataDir);
    await killed.waitFor(/Ctrl-C to stop/);
    const state = JSON.parse(readFileSync(lockFilePath(dataDir), 'utf8')) as StackState;
    killed.child.kill('SIGKILL');
    await killed.exited;
    const orphans = (state.services ?? []).map((s) => s.pid);
    await expectEventually(() => expect(orphans.filter(isAlive)).toEqual([]), 20_000);

    const next = new Launcher(dataDir);
    await next.waitFor(/Ctrl-C to stop/);
    next.child.kill('SIGINT');
    expect((await next.exited).code).toBe(0);
  }, 180_000);

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
    // The gateway validates its configuration at boot and exits on an unknown LOG_LEVEL: the launcher must say so, not hang.
    const failing = new Launcher(dataDir, { LOG_LEVEL: 'nonsense' });
    const { code } = await failing.exited;
    expect(code).toBe(1);
    expect(failing.output).toMatch(/gateway stopped \(exit code 1\) before it was ready\. Its log, .*gateway\.log/);
    expect(descendants(dataDir)).toEqual([]);
  }, 120_000);
});

import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { workspaceRoot } from '@msp/infra';
import { testKafkaBrokers, testPostgresAdminUrl } from './test-environment';

const STALE_LOCK_MS = 10 * 60_000;

/**
 * `nx run-many -t build` for specs that start the built services (the launcher's, the benchmarks'). Jest runs spec
 * files in parallel workers and two builds at once would rewrite the same dist files: a lock folder lets one build at a
 * time (the next one is a cache hit). Runs without NODE_OPTIONS, which points Jest at the TypeScript sources.
 */
export async function buildWorkspace(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const root = workspaceRoot();
  const lock = join(root, '.data', 'build.lock');
  mkdirSync(join(root, '.data'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      else await sleep(250);
    }
  }
  try {
    const buildEnv: NodeJS.ProcessEnv = { ...env, NX_DAEMON: 'false', NX_TUI: 'false' };
    delete buildEnv.NODE_OPTIONS;
    // Asynchronous, so that a build in Jest's parent process (a global setup) leaves it scheduling the workers.
    await promisify(execFile)('npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static'], {
      cwd: root,
      env: buildEnv,
      maxBuffer: 64 * 1024 * 1024,
      timeout: 300_000,
    });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The environment a spec gives a stack of built services (the launcher's, the benchmarks'): the test PostgreSQL and
 * Kafka, databases of its own under `prefix`, any free port, quiet logs, and no NODE_OPTIONS (whose development
 * condition would point the built packages at their TypeScript sources).
 */
export function builtStackEnv(prefix: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: testPostgresAdminUrl(),
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    PORT: '',
    LOG_LEVEL: 'warn',
    MSP_DATABASE_PREFIX: prefix,
    ...extra,
  };
  delete env.NODE_OPTIONS;
  return env;
}

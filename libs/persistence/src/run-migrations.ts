import type { DataSource } from 'typeorm';

/** Any fixed 64-bit number works; it only has to be the same for every replica of a service. */
const MIGRATION_LOCK_KEY = 727_274_001;

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so replicas starting together never race; each migration
 * runs in its own transaction.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}

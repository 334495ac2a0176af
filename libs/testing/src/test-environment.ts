import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase } from '@msp/infra';

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(
      `${name} is not set: run tests through Jest so libs/testing's global setup starts the infrastructure`,
    );
  return value;
}

export const testKafkaBrokers = (): string[] => required('MSP_TEST_KAFKA_BROKERS').split(',');
export const testPostgresAdminUrl = (): string => required('MSP_TEST_DATABASE_URL');

/** A short random suffix that keeps topics, groups and databases of parallel test files apart. */
export const uniqueSuffix = (): string => randomBytes(4).toString('hex');

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, empty database for one test file; `drop()` removes it. Its name contains "test" by construction. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${uniqueSuffix()}`;
  const url = await ensureDatabase(testPostgresAdminUrl(), name);
  return { url, name, drop: () => dropDatabase(testPostgresAdminUrl(), name) };
}

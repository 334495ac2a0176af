import { randomBytes } from 'node:crypto';
import { type EncodedKeyPair, generateSigningKeyPair } from '@msp/auth';
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

/** The services test key pairs exist for: the platform's, and the future callers the specs play. */
export const TEST_SERVICES = [
  'gateway',
  'directory',
  'scheduling',
  'call-routing',
  'coordination',
  'delegation',
  'indicators',
  'token-cli',
] as const;
export type TestService = (typeof TEST_SERVICES)[number];

export interface TestKeys {
  /** The gateway's user-context pair: services under test get the public half, `gql` signs with the private one. */
  userContext: EncodedKeyPair;
  services: Record<TestService, EncodedKeyPair>;
}

/**
 * The run's key pairs: made once (global setup calls this before the workers start, they inherit MSP_TEST_KEYS), so
 * every spec and every service it starts agree on them. Never written to disk.
 */
export function testKeys(): TestKeys {
  if (!process.env.MSP_TEST_KEYS) {
    const services = Object.fromEntries(TEST_SERVICES.map((name) => [name, generateSigningKeyPair()]));
    process.env.MSP_TEST_KEYS = JSON.stringify({ userContext: generateSigningKeyPair(), services });
  }
  return JSON.parse(process.env.MSP_TEST_KEYS) as TestKeys;
}

/** A test service's own private key, for an InternalHttpClient playing that service. */
export const testServicePrivateKey = (service: TestService): string => testKeys().services[service].privateKey;

/** SERVICE_PUBLIC_KEYS trusting every test service. */
export const testServicePublicKeys = (): string =>
  Object.entries(testKeys().services)
    .map(([name, pair]) => `${name}=${pair.publicKey}`)
    .join(',');

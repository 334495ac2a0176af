import { generateSigningKeyPair } from '@msp/auth';
import { DelegationConfig } from './delegation.config';

const valid = {
  DATABASE_URL: 'postgres://delegation:s3cret@127.0.0.1:5432/msp_delegation',
  KAFKA_BROKERS: '127.0.0.1:9092,127.0.0.1:9093',
  USER_CONTEXT_PUBLIC_KEY: generateSigningKeyPair().publicKey,
  SERVICE_PRIVATE_KEY: generateSigningKeyPair().privateKey,
  SERVICE_PUBLIC_KEYS: `gateway=${generateSigningKeyPair().publicKey}`,
};

const refusal = (env: Record<string, string>): string => {
  try {
    DelegationConfig.fromEnv({ ...valid, ...env });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
};

describe('DelegationConfig', () => {
  it('applies defaults: its own port, the local directory, a sweep every minute, no demo data', () => {
    const config = DelegationConfig.fromEnv(valid);
    expect(config).toMatchObject({
      port: 4104,
      host: '127.0.0.1',
      consumerGroup: 'delegation',
      kafkaBrokers: ['127.0.0.1:9092', '127.0.0.1:9093'],
      directory: { directoryInternalUrl: 'http://127.0.0.1:4101', servicePrivateKey: valid.SERVICE_PRIVATE_KEY },
      sweepIntervalMs: 60_000,
      loadDemoData: false,
    });
  });

  it('takes the directory, the sweep interval and the demo switch it is given', () => {
    const config = DelegationConfig.fromEnv({
      ...valid,
      DIRECTORY_INTERNAL_URL: 'https://directory.internal:8443',
      DELEGATION_SWEEP_INTERVAL_MS: '15000',
      DELEGATION_DEMO_DATA: 'load',
      KAFKA_CONSUMER_GROUP: 'delegation-blue',
    });
    expect(config).toMatchObject({
      directory: { directoryInternalUrl: 'https://directory.internal:8443' },
      sweepIntervalMs: 15_000,
      loadDemoData: true,
      consumerGroup: 'delegation-blue',
    });
  });

  it('names every wrong variable at once, each with its reason', () => {
    const message = refusal({
      DELEGATION_SWEEP_INTERVAL_MS: '10',
      DIRECTORY_INTERNAL_URL: 'ftp://x',
      DELEGATION_DEMO_DATA: 'yes',
      PORT: 'eighty',
    });
    expect(message).toMatch(/^Invalid delegation configuration:/);
    expect(message).toMatch(/DELEGATION_SWEEP_INTERVAL_MS: .*1000/);
    expect(message).toContain('DIRECTORY_INTERNAL_URL: must be an http(s):// URL');
    expect(message).toContain('DELEGATION_DEMO_DATA: must be "load" or "skip"');
    expect(message).toMatch(/PORT: /);
  });

  it('keeps the sweep interval between one second and one hour', () => {
    expect(refusal({ DELEGATION_SWEEP_INTERVAL_MS: '3600001' })).toMatch(/DELEGATION_SWEEP_INTERVAL_MS: .*3600000/);
    expect(refusal({ DELEGATION_SWEEP_INTERVAL_MS: '999' })).toMatch(/DELEGATION_SWEEP_INTERVAL_MS: .*1000/);
    expect(DelegationConfig.fromEnv({ ...valid, DELEGATION_SWEEP_INTERVAL_MS: '3600000' }).sweepIntervalMs).toBe(
      3_600_000,
    );
  });

  it('requires the keys and the database', () => {
    const { SERVICE_PRIVATE_KEY: _key, DATABASE_URL: _db, ...without } = valid;
    expect(() => DelegationConfig.fromEnv(without)).toThrow(/DATABASE_URL[\s\S]*SERVICE_PRIVATE_KEY/);
  });

  it('never logs the private key, the other keys or the database password', () => {
    const config = DelegationConfig.fromEnv(valid);
    const logged = JSON.stringify(config);
    for (const secret of [
      's3cret',
      valid.SERVICE_PRIVATE_KEY,
      valid.SERVICE_PUBLIC_KEYS,
      valid.USER_CONTEXT_PUBLIC_KEY,
    ])
      expect(logged).not.toContain(secret);
    expect(JSON.parse(logged)).toMatchObject({
      port: 4104,
      keys: '***',
      directoryInternalUrl: 'http://127.0.0.1:4101',
      sweepIntervalMs: 60_000,
      loadDemoData: false,
    });
  });
});

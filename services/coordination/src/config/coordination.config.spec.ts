import { generateSigningKeyPair } from '@msp/auth';
import { CoordinationConfig } from './coordination.config';

const valid = {
  DATABASE_URL: 'postgres://coordination:s3cret@127.0.0.1:5432/msp_coordination',
  KAFKA_BROKERS: '127.0.0.1:9092,127.0.0.1:9093',
  USER_CONTEXT_PUBLIC_KEY: generateSigningKeyPair().publicKey,
  SERVICE_PRIVATE_KEY: generateSigningKeyPair().privateKey,
  SERVICE_PUBLIC_KEYS: `gateway=${generateSigningKeyPair().publicKey}`,
};

const refusal = (env: Record<string, string>): string => {
  try {
    CoordinationConfig.fromEnv({ ...valid, ...env });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
};

describe('CoordinationConfig', () => {
  it('applies defaults: its own port, the local directory and scheduling, two seconds of patience for free/busy, a sweep every minute, no demo data', () => {
    const config = CoordinationConfig.fromEnv(valid);
    expect(config).toMatchObject({
      port: 4105,
      host: '127.0.0.1',
      consumerGroup: 'coordination',
      kafkaBrokers: ['127.0.0.1:9092', '127.0.0.1:9093'],
      clients: {
        directoryInternalUrl: 'http://127.0.0.1:4101',
        schedulingInternalUrl: 'http://127.0.0.1:4102',
        freeBusyTimeoutMs: 2_000,
        servicePrivateKey: valid.SERVICE_PRIVATE_KEY,
      },
      sweepIntervalMs: 60_000,
      loadDemoData: false,
    });
  });

  it('takes the directory, scheduling, the free/busy patience, the sweep interval and the demo switch it is given', () => {
    const config = CoordinationConfig.fromEnv({
      ...valid,
      DIRECTORY_INTERNAL_URL: 'https://directory.internal:8443',
      SCHEDULING_INTERNAL_URL: 'https://scheduling.internal:8443',
      COORDINATION_FREE_BUSY_TIMEOUT_MS: '800',
      COORDINATION_SWEEP_INTERVAL_MS: '15000',
      COORDINATION_DEMO_DATA: 'load',
      KAFKA_CONSUMER_GROUP: 'coordination-blue',
    });
    expect(config).toMatchObject({
      clients: {
        directoryInternalUrl: 'https://directory.internal:8443',
        schedulingInternalUrl: 'https://scheduling.internal:8443',
        freeBusyTimeoutMs: 800,
      },
      sweepIntervalMs: 15_000,
      loadDemoData: true,
      consumerGroup: 'coordination-blue',
    });
  });

  it('names every wrong variable at once, each with its reason', () => {
    const message = refusal({
      COORDINATION_SWEEP_INTERVAL_MS: '10',
      DIRECTORY_INTERNAL_URL: 'ftp://x',
      COORDINATION_DEMO_DATA: 'yes',
      PORT: 'eighty',
    });
    expect(message).toMatch(/^Invalid coordination configuration:/);
    expect(message).toMatch(/COORDINATION_SWEEP_INTERVAL_MS: .*1000/);
    expect(message).toContain('DIRECTORY_INTERNAL_URL: must be an http(s):// URL');
    expect(message).toContain('COORDINATION_DEMO_DATA: must be "load" or "skip"');
    expect(message).toMatch(/PORT: /);
  });

  it('keeps the sweep interval between one second and one hour', () => {
    expect(refusal({ COORDINATION_SWEEP_INTERVAL_MS: '3600001' })).toMatch(/COORDINATION_SWEEP_INTERVAL_MS: .*3600000/);
    expect(refusal({ COORDINATION_SWEEP_INTERVAL_MS: '999' })).toMatch(/COORDINATION_SWEEP_INTERVAL_MS: .*1000/);
    expect(CoordinationConfig.fromEnv({ ...valid, COORDINATION_SWEEP_INTERVAL_MS: '3600000' }).sweepIntervalMs).toBe(
      3_600_000,
    );
  });

  it('requires the keys and the database', () => {
    const { SERVICE_PRIVATE_KEY: _key, DATABASE_URL: _db, ...without } = valid;
    expect(() => CoordinationConfig.fromEnv(without)).toThrow(/DATABASE_URL[\s\S]*SERVICE_PRIVATE_KEY/);
  });

  it('never logs the private key, the other keys or the database password', () => {
    const config = CoordinationConfig.fromEnv(valid);
    const logged = JSON.stringify(config);
    for (const secret of [
      's3cret',
      valid.SERVICE_PRIVATE_KEY,
      valid.SERVICE_PUBLIC_KEYS,
      valid.USER_CONTEXT_PUBLIC_KEY,
    ])
      expect(logged).not.toContain(secret);
    expect(JSON.parse(logged)).toMatchObject({
      port: 4105,
      keys: '***',
      directoryInternalUrl: 'http://127.0.0.1:4101',
      sweepIntervalMs: 60_000,
      loadDemoData: false,
    });
  });
});

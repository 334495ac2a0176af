import { generateSigningKeyPair } from '@msp/auth';
import { SchedulingConfig } from './scheduling.config';

const valid = {
  DATABASE_URL: 'postgres://scheduling:s3cret@127.0.0.1:5432/msp_scheduling',
  KAFKA_BROKERS: '127.0.0.1:9092,127.0.0.1:9093',
  USER_CONTEXT_PUBLIC_KEY: generateSigningKeyPair().publicKey,
  SERVICE_PRIVATE_KEY: generateSigningKeyPair().privateKey,
  SERVICE_PUBLIC_KEYS: `gateway=${generateSigningKeyPair().publicKey}`,
};

describe('SchedulingConfig', () => {
  it('applies defaults', () => {
    const config = SchedulingConfig.fromEnv(valid);
    expect(config).toMatchObject({
      port: 4102,
      consumerGroup: 'scheduling',
      holdTtlSeconds: 300,
      holdSweepSeconds: 30,
    });
    expect(config.kafkaBrokers).toEqual(['127.0.0.1:9092', '127.0.0.1:9093']);
  });

  it('names every wrong variable at once', () => {
    expect(() =>
      SchedulingConfig.fromEnv({
        ...valid,
        DATABASE_URL: 'nope',
        USER_CONTEXT_PUBLIC_KEY: 'short',
        HOLD_TTL_SECONDS: '0',
      }),
    ).toThrow(/DATABASE_URL[\s\S]*USER_CONTEXT_PUBLIC_KEY[\s\S]*HOLD_TTL_SECONDS/);
  });

  it('never logs secrets or the database password', () => {
    const logged = JSON.stringify(SchedulingConfig.fromEnv(valid));
    expect(logged).not.toContain('s3cret');
    expect(logged).not.toContain(valid.SERVICE_PRIVATE_KEY);
    expect(logged).not.toContain(valid.SERVICE_PUBLIC_KEYS);
  });
});

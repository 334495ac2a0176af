import { generateSigningKeyPair } from '@msp/auth';
import { SchedulingConfig } from './scheduling.config';

const valid = {
  DATABASE_URL: 'postgres://scheduling@127.0.0.1:5432/msp_scheduling',
  KAFKA_BROKERS: '127.0.0.1:9092',
  USER_CONTEXT_PUBLIC_KEY: generateSigningKeyPair().publicKey,
  SERVICE_PRIVATE_KEY: generateSigningKeyPair().privateKey,
  SERVICE_PUBLIC_KEYS: `gateway=${generateSigningKeyPair().publicKey}`,
};

describe('SCHEDULING_DEMO_DATA', () => {
  it('is off unless "load"', () => {
    expect(SchedulingConfig.fromEnv(valid).loadDemoData).toBe(false);
    expect(SchedulingConfig.fromEnv({ ...valid, SCHEDULING_DEMO_DATA: 'skip' }).loadDemoData).toBe(false);
    expect(SchedulingConfig.fromEnv({ ...valid, SCHEDULING_DEMO_DATA: 'load' }).loadDemoData).toBe(true);
  });

  it('names the variable when it is neither', () => {
    expect(() => SchedulingConfig.fromEnv({ ...valid, SCHEDULING_DEMO_DATA: 'yes' })).toThrow(
      /SCHEDULING_DEMO_DATA: must be "load" or "skip"/,
    );
  });
});

import { generateSigningKeyPair } from '@msp/auth';
import { IndicatorsConfig } from './indicators.config';

const valid = {
  DATABASE_URL: 'postgres://indicators:s3cret@127.0.0.1:5432/msp_indicators',
  KAFKA_BROKERS: '127.0.0.1:9092,127.0.0.1:9093',
  USER_CONTEXT_PUBLIC_KEY: generateSigningKeyPair().publicKey,
  SERVICE_PRIVATE_KEY: generateSigningKeyPair().privateKey,
  SERVICE_PUBLIC_KEYS: `gateway=${generateSigningKeyPair().publicKey}`,
};

describe('IndicatorsConfig', () => {
  it('applies defaults: its own port 4106 and the consumer group "indicators"', () => {
    expect(IndicatorsConfig.fromEnv(valid)).toMatchObject({
      port: 4106,
      host: '127.0.0.1',
      consumerGroup: 'indicators',
      kafkaBrokers: ['127.0.0.1:9092', '127.0.0.1:9093'],
    });
  });

  it('takes another consumer group, the way the projections are rebuilt from the start of the topics', () => {
    expect(
      IndicatorsConfig.fromEnv({ ...valid, KAFKA_CONSUMER_GROUP: 'indicators-rebuild-2026-12' }).consumerGroup,
    ).toBe('indicators-rebuild-2026-12');
  });

  it('reads the data files from INDICATORS_DATA_DIR, from the service’s own data/ when unset or empty', () => {
    expect(IndicatorsConfig.fromEnv({ ...valid, INDICATORS_DATA_DIR: '/srv/catalogues' }).dataDir).toBe(
      '/srv/catalogues',
    );
    expect(IndicatorsConfig.fromEnv({ ...valid, INDICATORS_DATA_DIR: '' }).dataDir).toBeUndefined();
    expect(IndicatorsConfig.fromEnv(valid).dataDir).toBeUndefined();
  });

  it('names every wrong variable at once', () => {
    const { DATABASE_URL: _db, ...without } = valid;
    expect(() => IndicatorsConfig.fromEnv({ ...without, PORT: 'eighty', KAFKA_CONSUMER_GROUP: '' })).toThrow(
      /^Invalid indicators configuration:[\s\S]*PORT: [\s\S]*DATABASE_URL[\s\S]*KAFKA_CONSUMER_GROUP/,
    );
  });

  it('never logs the private key, the other keys or the database password', () => {
    const logged = JSON.stringify(IndicatorsConfig.fromEnv(valid));
    for (const secret of [
      's3cret',
      valid.SERVICE_PRIVATE_KEY,
      valid.SERVICE_PUBLIC_KEYS,
      valid.USER_CONTEXT_PUBLIC_KEY,
    ])
      expect(logged).not.toContain(secret);
    expect(JSON.parse(logged)).toMatchObject({ port: 4106, keys: '***', consumerGroup: 'indicators' });
  });
});

import { generateSigningKeyPair } from '@msp/auth';
import { CallRoutingConfig } from './call-routing.config';

const SECRET = 'a-webhook-secret-of-at-least-32-characters';
const valid = {
  DATABASE_URL: 'postgres://call_routing:s3cret@127.0.0.1:5432/msp_call_routing',
  KAFKA_BROKERS: '127.0.0.1:9092',
  USER_CONTEXT_PUBLIC_KEY: generateSigningKeyPair().publicKey,
  SERVICE_PRIVATE_KEY: generateSigningKeyPair().privateKey,
  SERVICE_PUBLIC_KEYS: `gateway=${generateSigningKeyPair().publicKey}`,
  TELEPHONY_WEBHOOK_SECRETS: SECRET,
};

describe('CallRoutingConfig', () => {
  it('applies defaults: ports, dependencies, a 1.5 s scheduling timeout, Twilio off', () => {
    const config = CallRoutingConfig.fromEnv(valid);
    expect(config).toMatchObject({
      port: 4103,
      publicPort: 4113,
      consumerGroup: 'call-routing',
      telephony: { publicBaseUrl: 'http://127.0.0.1:4113', webhookSecrets: [SECRET], twilioAuthToken: null },
      dependencies: {
        directoryInternalUrl: 'http://127.0.0.1:4101',
        schedulingInternalUrl: 'http://127.0.0.1:4102',
        schedulingTimeoutMs: 1500,
      },
    });
  });

  it('takes the previous secret during a rotation, and the public origin without its trailing slash', () => {
    const config = CallRoutingConfig.fromEnv({
      ...valid,
      TELEPHONY_WEBHOOK_SECRETS: `${SECRET},${SECRET.toUpperCase()}`,
      PUBLIC_BASE_URL: 'https://msp.example.fr/',
    });
    expect(config.telephony).toMatchObject({
      webhookSecrets: [SECRET, SECRET.toUpperCase()],
      publicBaseUrl: 'https://msp.example.fr',
    });
  });

  it('names every wrong variable at once', () => {
    expect(() =>
      CallRoutingConfig.fromEnv({
        ...valid,
        DIRECTORY_INTERNAL_URL: 'directory',
        TELEPHONY_WEBHOOK_SECRETS: 'short',
        SCHEDULING_TIMEOUT_MS: '10',
        PUBLIC_PORT: '4103',
      }),
    ).toThrow(/DIRECTORY_INTERNAL_URL[\s\S]*SCHEDULING_TIMEOUT_MS[\s\S]*TELEPHONY_WEBHOOK_SECRETS/);
    expect(() => CallRoutingConfig.fromEnv({ ...valid, PUBLIC_PORT: '4103' })).toThrow(/PUBLIC_PORT: must differ/);
    expect(() =>
      CallRoutingConfig.fromEnv({ ...valid, TELEPHONY_WEBHOOK_SECRETS: [SECRET, SECRET, SECRET].join(',') }),
    ).toThrow(/at most two secrets/);
    const { TELEPHONY_WEBHOOK_SECRETS: _missing, ...withoutSecret } = valid;
    expect(() => CallRoutingConfig.fromEnv(withoutSecret)).toThrow(/TELEPHONY_WEBHOOK_SECRETS/);
  });

  it('never shows a secret or the database password when logged', () => {
    const logged = JSON.stringify(
      CallRoutingConfig.fromEnv({ ...valid, TWILIO_AUTH_TOKEN: 'twilio-auth-token-value-123' }),
    );
    expect(logged).not.toContain(SECRET);
    expect(logged).not.toContain('twilio-auth-token-value-123');
    expect(logged).not.toContain('s3cret');
    expect(logged).toContain('"twilio":"on"');
  });
});

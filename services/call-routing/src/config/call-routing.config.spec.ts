import { generateSigningKeyPair } from '@msp/auth';
import { CallRoutingConfig } from './call-routing.config';

const CURRENT_SECRET = 'current-webhook-secret-0123456789abcdef';
const PREVIOUS_SECRET = 'previous-webhook-secret-0123456789abcdef';
const TWILIO_TOKEN = 'twilio-auth-token-0123456789abcdef';

const valid = {
  DATABASE_URL: 'postgres://call_routing:s3cret@127.0.0.1:5432/msp_call_routing',
  KAFKA_BROKERS: '127.0.0.1:9092,127.0.0.1:9093',
  USER_CONTEXT_PUBLIC_KEY: generateSigningKeyPair().publicKey,
  SERVICE_PRIVATE_KEY: generateSigningKeyPair().privateKey,
  SERVICE_PUBLIC_KEYS: `gateway=${generateSigningKeyPair().publicKey}`,
  TELEPHONY_WEBHOOK_SECRETS: CURRENT_SECRET,
};

const refusal = (env: Record<string, string>): string => {
  try {
    CallRoutingConfig.fromEnv({ ...valid, ...env });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
};

describe('CallRoutingConfig', () => {
  it('applies defaults: its own ports, the local directory and scheduling, Twilio off', () => {
    const config = CallRoutingConfig.fromEnv(valid);
    expect(config).toMatchObject({
      port: 4103,
      publicPort: 4113,
      consumerGroup: 'call-routing',
      kafkaBrokers: ['127.0.0.1:9092', '127.0.0.1:9093'],
      telephony: {
        publicBaseUrl: 'http://127.0.0.1:4113',
        webhookSecrets: [CURRENT_SECRET],
        twilioAuthToken: null,
      },
      dependencies: {
        directoryInternalUrl: 'http://127.0.0.1:4101',
        schedulingInternalUrl: 'http://127.0.0.1:4102',
        schedulingTimeoutMs: 1_500,
      },
    });
  });

  it('takes the current and the previous webhook secret during a rotation, and the public base URL without its slash', () => {
    const config = CallRoutingConfig.fromEnv({
      ...valid,
      TELEPHONY_WEBHOOK_SECRETS: `${CURRENT_SECRET}, ${PREVIOUS_SECRET}`,
      PUBLIC_BASE_URL: 'https://telephonie.msp.example/',
      TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
    });
    expect(config.telephony).toEqual({
      publicBaseUrl: 'https://telephonie.msp.example',
      webhookSecrets: [CURRENT_SECRET, PREVIOUS_SECRET],
      twilioAuthToken: TWILIO_TOKEN,
    });
  });

  it('requires the webhook secrets', () => {
    const { TELEPHONY_WEBHOOK_SECRETS: _omitted, ...withoutSecrets } = valid;
    expect(() => CallRoutingConfig.fromEnv(withoutSecrets)).toThrow(/TELEPHONY_WEBHOOK_SECRETS/);
  });

  it('names every wrong variable at once, each with its reason', () => {
    const message = refusal({
      PORT: '4200',
      PUBLIC_PORT: '4200',
      DIRECTORY_INTERNAL_URL: 'directory:4101',
      PUBLIC_BASE_URL: 'ftp://telephonie.msp.example',
      SCHEDULING_TIMEOUT_MS: '20',
      TELEPHONY_WEBHOOK_SECRETS: 'too-short',
      TWILIO_AUTH_TOKEN: 'short',
    });
    expect(message).toContain('DIRECTORY_INTERNAL_URL: must be an http(s):// URL');
    expect(message).toContain('PUBLIC_BASE_URL: must be an http(s):// URL');
    expect(message).toMatch(/SCHEDULING_TIMEOUT_MS: .*100/);
    expect(message).toContain('TELEPHONY_WEBHOOK_SECRETS: each secret must be at least 32 characters');
    expect(message).toContain('TWILIO_AUTH_TOKEN: must be the Twilio account auth token');
    expect(message).toContain('PUBLIC_PORT: must differ from PORT');
  });

  it('refuses a third webhook secret: only the current one and the previous one', () => {
    expect(
      refusal({ TELEPHONY_WEBHOOK_SECRETS: [CURRENT_SECRET, PREVIOUS_SECRET, `older-${CURRENT_SECRET}`].join(',') }),
    ).toContain('TELEPHONY_WEBHOOK_SECRETS: at most two secrets');
  });

  it('refuses the public listener on the main port, but lets both ports be chosen by the system (0)', () => {
    expect(refusal({ PORT: '4200', PUBLIC_PORT: '4200' })).toContain('PUBLIC_PORT: must differ from PORT');
    expect(CallRoutingConfig.fromEnv({ ...valid, PORT: '0', PUBLIC_PORT: '0' })).toMatchObject({
      port: 0,
      publicPort: 0,
    });
  });

  it('never logs a secret, the Twilio token or the database password, but says how many secrets and whether Twilio is on', () => {
    const config = CallRoutingConfig.fromEnv({
      ...valid,
      TELEPHONY_WEBHOOK_SECRETS: `${CURRENT_SECRET},${PREVIOUS_SECRET}`,
      TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
    });
    const logged = JSON.stringify(config);
    for (const secret of [
      's3cret',
      CURRENT_SECRET,
      PREVIOUS_SECRET,
      TWILIO_TOKEN,
      valid.SERVICE_PRIVATE_KEY,
      valid.SERVICE_PUBLIC_KEYS,
      valid.USER_CONTEXT_PUBLIC_KEY,
    ])
      expect(logged).not.toContain(secret);
    expect(JSON.parse(logged)).toMatchObject({ webhookSecrets: '2 × ***', twilio: 'on', publicPort: 4113 });
  });
});

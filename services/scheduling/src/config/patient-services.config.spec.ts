import { generateSigningKeyPair } from '@msp/auth';
import { SchedulingConfig } from './scheduling.config';

const valid = {
  DATABASE_URL: 'postgres://scheduling:s3cret@127.0.0.1:5432/msp_scheduling',
  KAFKA_BROKERS: '127.0.0.1:9092',
  USER_CONTEXT_PUBLIC_KEY: generateSigningKeyPair().publicKey,
  SERVICE_PRIVATE_KEY: generateSigningKeyPair().privateKey,
  SERVICE_PUBLIC_KEYS: `gateway=${generateSigningKeyPair().publicKey}`,
};

describe('patient services settings', () => {
  it('has defaults: the directory on its default port, J-1 and H-2 reminders, 60 requests a minute and 10 bookings an hour per address', () => {
    expect(SchedulingConfig.fromEnv(valid).patientServices).toMatchObject({
      directoryInternalUrl: 'http://127.0.0.1:4101',
      publicBaseUrl: 'http://127.0.0.1:4112',
      reminderRules: ['J-1', 'H-2'],
      publicRateLimitPerMinute: 60,
      publicBookingLimitPerHour: 10,
      onlineRequestTtlHours: 24,
      waitlistOfferMinutes: 120,
      onlineBookingRetentionDays: 30,
      publicTrustedProxies: [],
      reminderSendLeaseSeconds: 300,
    });
  });

  it('reads the trusted proxies of the public rate limit and the online booking retention, naming bad values', () => {
    const config = SchedulingConfig.fromEnv({
      ...valid,
      PUBLIC_TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.1',
      ONLINE_BOOKING_RETENTION_DAYS: '90',
    });
    expect(config.patientServices).toMatchObject({
      publicTrustedProxies: ['10.0.0.0/8', '127.0.0.1'],
      onlineBookingRetentionDays: 90,
    });
    expect(() =>
      SchedulingConfig.fromEnv({ ...valid, PUBLIC_TRUSTED_PROXIES: 'gateway', ONLINE_BOOKING_RETENTION_DAYS: '0' }),
    ).toThrow(
      /PUBLIC_TRUSTED_PROXIES[\s\S]*ONLINE_BOOKING_RETENTION_DAYS|ONLINE_BOOKING_RETENTION_DAYS[\s\S]*PUBLIC_TRUSTED_PROXIES/,
    );
  });

  it('names the wrong variables, and logs no secret', () => {
    expect(() =>
      SchedulingConfig.fromEnv({ ...valid, REMINDER_RULES: 'J-1,tomorrow', DIRECTORY_INTERNAL_URL: 'directory' }),
    ).toThrow(/DIRECTORY_INTERNAL_URL[\s\S]*REMINDER_RULES/);
    const config = SchedulingConfig.fromEnv({
      ...valid,
      REMINDER_RULES: 'J-2@18:00, H-3',
      PUBLIC_BASE_URL: 'https://rdv.msp.example',
    });
    expect(config.patientServices.reminderRules).toEqual(['J-2@18:00', 'H-3']);
    expect(JSON.stringify(config)).not.toContain(valid.SERVICE_PRIVATE_KEY);
    expect(JSON.stringify(config)).toContain('https://rdv.msp.example');
  });

  it('sends through the log provider by default; e-mail and SMS are chosen by NOTIFICATION_PROVIDERS, each with its settings', () => {
    expect(SchedulingConfig.fromEnv(valid).patientServices.notifications).toEqual({
      channels: ['log'],
      smtp: null,
      brevo: null,
    });
    const config = SchedulingConfig.fromEnv({
      ...valid,
      NOTIFICATION_PROVIDERS: 'sms, email',
      SMTP_URL: 'smtp://rappels:pa55word@smtp.msp.example:587',
      SMTP_FROM: 'rappels@msp.example',
      BREVO_API_KEY: 'xkeysib-s3cret',
      BREVO_SMS_SENDER: 'MSPLices',
    });
    expect(config.patientServices.notifications).toEqual({
      channels: ['sms', 'email'],
      smtp: {
        url: 'smtp://rappels:pa55word@smtp.msp.example:587',
        from: 'rappels@msp.example',
        messageIdDomain: 'msp.example',
      },
      brevo: { apiKey: 'xkeysib-s3cret', sender: 'MSPLices', baseUrl: 'https://api.brevo.com/v3' },
    });
    const logged = JSON.stringify(config);
    expect(logged).not.toContain('pa55word');
    expect(logged).not.toContain('xkeysib-s3cret');
    expect(logged).toContain('smtp.msp.example:587');
  });

  it('names what a chosen channel lacks, and refuses unknown channels and senders Brevo would refuse', () => {
    expect(() => SchedulingConfig.fromEnv({ ...valid, NOTIFICATION_PROVIDERS: 'email' })).toThrow(
      /SMTP_URL[\s\S]*SMTP_FROM/,
    );
    expect(() =>
      SchedulingConfig.fromEnv({
        ...valid,
        NOTIFICATION_PROVIDERS: 'sms',
        BREVO_API_KEY: 'k',
        BREVO_SMS_SENDER: 'MSP des Lices',
      }),
    ).toThrow(/BREVO_SMS_SENDER/);
    expect(() => SchedulingConfig.fromEnv({ ...valid, NOTIFICATION_PROVIDERS: 'log,email' })).toThrow(
      /NOTIFICATION_PROVIDERS/,
    );
    expect(() => SchedulingConfig.fromEnv({ ...valid, NOTIFICATION_PROVIDERS: 'pigeon' })).toThrow(
      /NOTIFICATION_PROVIDERS/,
    );
  });
});

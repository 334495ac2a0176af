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
      publicBaseUrl: 'http://127.0.0.1:4102',
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
});

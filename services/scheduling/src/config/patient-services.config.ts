import { z } from 'zod';
import { httpUrl } from '@msp/service-kit';
import type { PatientServicesSettings } from '../application/patient-services-settings';
import { parseReminderRule } from '../domain/reminder-rule';
import { trustedProxies } from '../interface/public/client-address';

const count = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`).default(fallback);

/** Variables of online booking, SNP release, reminders, waitlist and calendar feeds; merged into SchedulingConfig's schema. */
export const PATIENT_SERVICES_ENV = z.object({
  DIRECTORY_INTERNAL_URL: httpUrl.default('http://127.0.0.1:4101'),
  PUBLIC_BASE_URL: httpUrl.optional(),
  PUBLIC_RATE_LIMIT_PER_MINUTE: count(1, 10_000, 60),
  PUBLIC_BOOKING_LIMIT_PER_HOUR: count(1, 10_000, 10),
  PUBLIC_TRUSTED_PROXIES: z
    .string()
    .default('')
    .refine((value) => proxiesOk(value), 'must list IP addresses or CIDR ranges, separated by commas'),
  ONLINE_REQUEST_TTL_HOURS: count(1, 24 * 14, 24),
  ONLINE_BOOKING_RETENTION_DAYS: count(1, 3650, 30),
  SNP_RELEASE_SCAN_SECONDS: count(1, 3600, 60),
  REMINDER_RULES: z
    .string()
    .default('J-1,H-2')
    .refine(
      (value) => value.split(',').every((rule) => ruleOk(rule)),
      'must list rules such as J-1, J-1@18:00, H-2, separated by commas',
    ),
  REMINDER_DISPATCH_SECONDS: count(1, 3600, 30),
  REMINDER_SEND_LEASE_SECONDS: count(10, 24 * 3600, 300),
  WAITLIST_OFFER_MINUTES: count(1, 7 * 24 * 60, 120),
  NOTIFICATION_PROVIDERS: z
    .string()
    .default('log')
    .refine((value) => {
      const names = listOf(value);
      return (
        names.length > 0 &&
        names.every((name) => (CHANNELS as readonly string[]).includes(name)) &&
        new Set(names).size === names.length &&
        (!names.includes('log') || names.length === 1)
      );
    }, 'must be log, or email and/or sms in order of preference (e.g. sms,email)'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s/]+(:\d+)?\/?$/, 'must be smtp://[user:password@]host[:port] or smtps://…')
    .optional(),
  SMTP_FROM: z.string().email('must be an e-mail address').optional(),
  BREVO_API_KEY: z.string().min(1).optional(),
  BREVO_SMS_SENDER: z
    .string()
    .regex(/^([A-Za-z0-9]{1,11}|\d{1,15})$/, 'must be up to 11 letters and digits, or up to 15 digits')
    .optional(),
  BREVO_API_URL: httpUrl.default('https://api.brevo.com/v3'),
});

const CHANNELS = ['log', 'email', 'sms'] as const;
export type NotificationChannel = (typeof CHANNELS)[number];

/** A channel named in NOTIFICATION_PROVIDERS needs its settings; each missing variable is named. */
export function checkNotificationEnv(
  env: Pick<
    z.infer<typeof PATIENT_SERVICES_ENV>,
    'NOTIFICATION_PROVIDERS' | 'SMTP_URL' | 'SMTP_FROM' | 'BREVO_API_KEY' | 'BREVO_SMS_SENDER'
  >,
  context: z.RefinementCtx,
): void {
  const names = listOf(env.NOTIFICATION_PROVIDERS);
  const need = (variable: keyof typeof env, channel: string) => {
    if (names.includes(channel) && !env[variable])
      context.addIssue({
        code: 'custom',
        path: [variable],
        message: `is required when NOTIFICATION_PROVIDERS has ${channel}`,
      });
  };
  need('SMTP_URL', 'email');
  need('SMTP_FROM', 'email');
  need('BREVO_API_KEY', 'sms');
  need('BREVO_SMS_SENDER', 'sms');
}

const listOf = (value: string): string[] =>
  value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);

function proxiesOk(value: string): boolean {
  try {
    trustedProxies(listOf(value));
    return true;
  } catch {
    return false;
  }
}

function ruleOk(rule: string): boolean {
  try {
    parseReminderRule(rule);
    return true;
  } catch {
    return false;
  }
}

export type PatientServicesEnv = z.infer<typeof PATIENT_SERVICES_ENV> & {
  PUBLIC_PORT: number;
  HOST: string;
  SERVICE_PRIVATE_KEY: string;
};

export function patientServicesSettings(env: PatientServicesEnv): PatientServicesSettings {
  return {
    directoryInternalUrl: env.DIRECTORY_INTERNAL_URL,
    servicePrivateKey: env.SERVICE_PRIVATE_KEY,
    publicBaseUrl: env.PUBLIC_BASE_URL ?? `http://${env.HOST}:${env.PUBLIC_PORT}`,
    publicRateLimitPerMinute: env.PUBLIC_RATE_LIMIT_PER_MINUTE,
    publicBookingLimitPerHour: env.PUBLIC_BOOKING_LIMIT_PER_HOUR,
    publicTrustedProxies: listOf(env.PUBLIC_TRUSTED_PROXIES),
    onlineBookingRetentionDays: env.ONLINE_BOOKING_RETENTION_DAYS,
    onlineRequestTtlHours: env.ONLINE_REQUEST_TTL_HOURS,
    snpReleaseScanSeconds: env.SNP_RELEASE_SCAN_SECONDS,
    reminderRules: env.REMINDER_RULES.split(',').map((rule) => rule.trim()),
    reminderDispatchSeconds: env.REMINDER_DISPATCH_SECONDS,
    reminderSendLeaseSeconds: env.REMINDER_SEND_LEASE_SECONDS,
    waitlistOfferMinutes: env.WAITLIST_OFFER_MINUTES,
    notifications: {
      channels: listOf(env.NOTIFICATION_PROVIDERS) as NotificationChannel[],
      smtp:
        env.SMTP_URL && env.SMTP_FROM
          ? { url: env.SMTP_URL, from: env.SMTP_FROM, messageIdDomain: env.SMTP_FROM.split('@')[1] }
          : null,
      brevo:
        env.BREVO_API_KEY && env.BREVO_SMS_SENDER
          ? { apiKey: env.BREVO_API_KEY, sender: env.BREVO_SMS_SENDER, baseUrl: env.BREVO_API_URL }
          : null,
    },
  };
}

/** Safe to log. */
export function describePatientServices(settings: PatientServicesSettings): Record<string, unknown> {
  const { servicePrivateKey: _key, notifications, ...rest } = settings;
  return {
    ...rest,
    notifications: {
      channels: notifications.channels,
      // The relay's host only: its URL may carry a password.
      smtp: notifications.smtp && { host: hostOf(notifications.smtp.url), from: notifications.smtp.from },
      brevo: notifications.brevo && { sender: notifications.brevo.sender, baseUrl: notifications.brevo.baseUrl },
    },
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(unreadable)';
  }
}

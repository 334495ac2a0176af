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
});

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
  };
}

/** Safe to log. */
export function describePatientServices(settings: PatientServicesSettings): Record<string, unknown> {
  const { servicePrivateKey: _key, ...rest } = settings;
  return rest;
}

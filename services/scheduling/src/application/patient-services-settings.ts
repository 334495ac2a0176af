export const PATIENT_SERVICES_SETTINGS = Symbol('PATIENT_SERVICES_SETTINGS');

/** Tunables of online booking, SNP release, reminders, waitlist and calendar feeds, from SchedulingConfig. */
export interface PatientServicesSettings {
  /** Base URL of the directory's internal API (identity checks, registration requests, site names). */
  directoryInternalUrl: string;
  /** Scheduling's own key (SERVICE_PRIVATE_KEY), signing its calls to the directory. */
  servicePrivateKey: string;
  /** How this service is reached from outside, for the calendar feed URLs it hands out. */
  publicBaseUrl: string;
  /** Requests per minute and per IP on the public endpoints. */
  publicRateLimitPerMinute: number;
  /** Online bookings per hour and per IP. */
  publicBookingLimitPerHour: number;
  /**
   * Proxies (addresses or CIDR ranges) whose X-Forwarded-For names the client for the public rate limit — the
   * gateway or reverse proxy in front of the public routes. Empty: the socket's peer is the client.
   */
  publicTrustedProxies: string[];
  /** Days after which online booking requests never confirmed, and the identities typed for them, are purged. */
  onlineBookingRetentionDays: number;
  /** How long a new patient's online booking keeps its slot while staff confirm (never past the slot itself). */
  onlineRequestTtlHours: number;
  snpReleaseScanSeconds: number;
  /** Reminder rules such as J-1, J-1@18:00, H-2 (see domain/reminder-rule.ts). */
  reminderRules: string[];
  reminderDispatchSeconds: number;
  /** How long a claimed reminder is left to its sender before another claim may send it again (same idempotency key). */
  reminderSendLeaseSeconds: number;
  /** How long a freed slot is held for the waiting patient it is offered to. */
  waitlistOfferMinutes: number;
  /** How messages reach patients (reminders, waitlist offers). */
  notifications: NotificationSettings;
}

export interface NotificationSettings {
  /** `log` (ids only, the default), or `email` and/or `sms` in order of preference. */
  channels: Array<'log' | 'email' | 'sms'>;
  /** The SMTP relay, when `email` is a channel. */
  smtp: { url: string; from: string; messageIdDomain: string } | null;
  /** Brevo's transactional SMS, when `sms` is a channel. */
  brevo: { apiKey: string; sender: string; baseUrl: string } | null;
}

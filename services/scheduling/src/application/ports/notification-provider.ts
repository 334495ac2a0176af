/**
 * One reminder to send: ids and times only. An adapter that needs a phone number or an e-mail address asks the directory
 * for it at send time (through its own contact port), so no identity is ever stored or logged by scheduling.
 */
export interface ReminderMessage {
  /** Stable across retries: adapters pass it to their provider as the idempotency key. */
  notificationId: string;
  patientId: string;
  structureId: string;
  siteId: string;
  practitionerId: string;
  motifId: string;
  appointmentId: string;
  startsAt: Date;
  /** The rule that scheduled it (J-1, H-2…). */
  rule: string;
}

export interface NotificationReceipt {
  providerMessageId?: string;
}

/** A way of reaching patients (log, SMS, e-mail…). Throwing means "try again later"; the outbox retries with back-off. */
export abstract class NotificationProvider {
  abstract readonly name: string;
  abstract send(message: ReminderMessage): Promise<NotificationReceipt>;
}

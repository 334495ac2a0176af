import type { PatientMessageKind } from '../../domain/patient-message';

/**
 * One message to send a patient: ids and times only. An adapter that needs a phone number or an e-mail address asks
 * the directory for it at send time (`PatientDirectory.patientContact`), so no identity is ever stored or logged by
 * scheduling.
 */
export interface ReminderMessage {
  /** Stable across retries: adapters pass it to their provider as the idempotency key. */
  notificationId: string;
  /** A reminder of an appointment (SCH-8), or a freed slot offered to a waiting patient (SCH-9). */
  kind: PatientMessageKind;
  patientId: string;
  structureId: string;
  siteId: string;
  practitionerId: string;
  motifId: string;
  /** The appointment reminded of, or the hold kept for the waiting patient. */
  appointmentId: string;
  startsAt: Date;
  /** The rule that scheduled it (J-1, H-2…; `offer` for a waitlist offer). */
  rule: string;
  /** A waitlist offer: until when the slot is kept, and the secret its answer links carry. */
  offerExpiresAt?: Date | null;
  answerToken?: string | null;
}

export interface NotificationReceipt {
  providerMessageId?: string;
  /** The provider that sent it, when the configured one chooses among several. */
  via?: string;
}

/**
 * The message cannot reach the patient and trying again will not help (no consent any more, no address on file, a
 * patient the directory no longer knows): the outbox marks it skipped with the reason, and never retries it.
 */
export class UndeliverableNotification extends Error {
  /**
   * `channel`: this way only (no phone number for an SMS) — another channel may still reach the patient; `patient`:
   * no way may (no consent, not a patient of the structure any more).
   */
  constructor(
    reason: string,
    readonly scope: 'channel' | 'patient' = 'patient',
  ) {
    super(reason);
    this.name = 'UndeliverableNotification';
  }
}

/**
 * A way of reaching patients (log, SMS, e-mail…). Throwing UndeliverableNotification skips the message; any other
 * error means "try again later", and the outbox retries with back-off.
 */
export abstract class NotificationProvider {
  abstract readonly name: string;
  abstract send(message: ReminderMessage): Promise<NotificationReceipt>;
}

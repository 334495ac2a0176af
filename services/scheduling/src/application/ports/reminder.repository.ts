import type { PatientMessageKind } from '../../domain/patient-message';

export interface ScheduledReminder {
  id: string;
  appointmentId: string;
  patientId: string;
  structureId: string;
  rule: string;
  appointmentStartsAt: Date;
  dueAt: Date;
}

/** A freed slot offered to a waiting patient, to tell them at once (due now), with the secret of its answer links. */
export interface ScheduledOfferNotice {
  id: string;
  offerId: string;
  holdId: string;
  patientId: string;
  structureId: string;
  startsAt: Date;
  dueAt: Date;
  /** Kept until the message has gone, then erased: only its hash stays, on the offer. */
  linkToken: string;
}

/**
 * A due message claimed for sending, with what it needs and whether it still stands (the appointment booked or
 * confirmed at that time; for an offer, the offer open and its hold still live).
 */
export interface DueReminder extends ScheduledReminder {
  kind: PatientMessageKind;
  /** Attempts so far, this one included. */
  attempts: number;
  siteId: string;
  practitionerId: string;
  motifId: string;
  stillValid: boolean;
  /** A waitlist offer's end and answer token; null for a reminder. */
  offerExpiresAt: Date | null;
  linkToken: string | null;
}

/** Live future appointments of a patient, to schedule reminders for once consent is given. */
export interface UpcomingAppointment {
  appointmentId: string;
  structureId: string;
  siteId: string;
  startsAt: Date;
}

/** Reminder consent (from the directory) and the notification outbox of reminders. */
export abstract class ReminderRepository {
  /** `onlyIfUnknown`: a registration never overrides a later update that arrived first. */
  abstract recordConsent(
    patientId: string,
    structureId: string,
    consent: boolean,
    onlyIfUnknown: boolean,
  ): Promise<void>;

  /**
   * The directory's consents as a whole (the copy being rebuilt): recorded for patients not known yet, never over what
   * an event already said. Returns the patients newly recorded as consenting.
   */
  abstract recordConsents(
    consents: ReadonlyArray<{ patientId: string; structureId: string; consentToReminders: boolean }>,
  ): Promise<string[]>;

  abstract hasConsent(patientId: string): Promise<boolean>;

  abstract schedule(reminders: readonly ScheduledReminder[], now: Date): Promise<void>;

  abstract scheduleOfferNotice(notice: ScheduledOfferNotice, now: Date): Promise<void>;

  abstract cancelForAppointment(appointmentId: string): Promise<number>;

  abstract cancelForPatient(patientId: string): Promise<void>;

  abstract upcomingOf(patientId: string, now: Date): Promise<UpcomingAppointment[]>;

  /**
   * Claims due reminders (and those whose lease ran out) for `leaseUntil`, counting one more attempt, and commits the
   * claim on its own: the send happens after, outside any transaction. SKIP LOCKED: replicas share the work.
   */
  abstract claimDue(now: Date, limit: number, leaseUntil: Date): Promise<DueReminder[]>;

  abstract markSent(id: string, provider: string, providerMessageId: string | undefined, now: Date): Promise<void>;

  /** Not sent and never to be: the appointment changed, or the patient cannot be reached (`reason`). */
  abstract markSkipped(id: string, reason?: string): Promise<void>;

  /** Attempt `attempt` failed: retried at `retryAt`, or given up (`failed`) when null; a stale claim changes nothing. */
  abstract markAttemptFailed(id: string, attempt: number, error: string, retryAt: Date | null): Promise<void>;
}

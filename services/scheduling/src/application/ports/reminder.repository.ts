export interface ScheduledReminder {
  id: string;
  appointmentId: string;
  patientId: string;
  structureId: string;
  rule: string;
  appointmentStartsAt: Date;
  dueAt: Date;
}

/** A due reminder claimed for sending, with what the message needs and whether its appointment still stands. */
export interface DueReminder extends ScheduledReminder {
  /** Attempts so far, this one included. */
  attempts: number;
  siteId: string;
  practitionerId: string;
  motifId: string;
  stillValid: boolean;
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

  abstract hasConsent(patientId: string): Promise<boolean>;

  abstract schedule(reminders: readonly ScheduledReminder[], now: Date): Promise<void>;

  abstract cancelForAppointment(appointmentId: string): Promise<number>;

  abstract cancelForPatient(patientId: string): Promise<void>;

  abstract upcomingOf(patientId: string, now: Date): Promise<UpcomingAppointment[]>;

  /**
   * Claims due reminders (and those whose lease ran out) for `leaseUntil`, counting one more attempt, and commits the
   * claim on its own: the send happens after, outside any transaction. SKIP LOCKED: replicas share the work.
   */
  abstract claimDue(now: Date, limit: number, leaseUntil: Date): Promise<DueReminder[]>;

  abstract markSent(id: string, provider: string, providerMessageId: string | undefined, now: Date): Promise<void>;

  abstract markSkipped(id: string): Promise<void>;

  /** Attempt `attempt` failed: retried at `retryAt`, or given up (`failed`) when null; a stale claim changes nothing. */
  abstract markAttemptFailed(id: string, attempt: number, error: string, retryAt: Date | null): Promise<void>;
}

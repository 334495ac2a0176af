export interface BusyInterval {
  startsAt: Date;
  endsAt: Date;
}

/** One member's time as scheduling tells it, merged, never a patient or a motif. */
export interface MemberFreeBusy {
  memberId: string;
  /** Appointments, holds, absences and other meetings. */
  busy: BusyInterval[];
  /** Appointments and holds only: patients booked. */
  patientBusy: BusyInterval[];
  consultingHours: BusyInterval[];
}

/**
 * Scheduling's free/busy over every site of the members (COO-2). Fails with a retryable `unavailable` domain error
 * when scheduling is down or slower than the configured patience: callers plan without it and say so.
 */
export abstract class MemberAgendas {
  abstract freeBusy(
    memberIds: readonly string[],
    from: Date,
    to: Date,
    ignoreMeetingId?: string,
  ): Promise<MemberFreeBusy[]>;
}

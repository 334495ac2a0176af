import type { AppointmentStatus } from '../../domain/appointment-status';
import type { Motif } from '../../domain/motif';
import type { OpeningRange } from '../../domain/opening-range';
import type { PlacedAppointment } from '../../domain/opening-range-change';

export const OUTSIDE_DECISIONS = ['kept', 'moved', 'cancelled'] as const;
export type OutsideDecision = (typeof OUTSIDE_DECISIONS)[number];

/** A live appointment a change of opening ranges left outside them, and what staff decided about it. */
export interface AppointmentOutsideRanges {
  appointmentId: string;
  structureId: string;
  practitionerId: string;
  siteId: string;
  motifId: string;
  /** Where the appointment is now (a move through `rescheduleAppointment` takes it out of the list). */
  startsAt: Date;
  endsAt: Date;
  status: AppointmentStatus;
  /** The range whose change left it out. */
  openingRangeId: string;
  listedAt: Date;
  decision: OutsideDecision | null;
  decidedAt: Date | null;
}

/** A booked or confirmed appointment, where it is. */
export interface LiveAppointment extends PlacedAppointment {
  structureId: string;
  practitionerId: string;
  siteId: string;
}

export interface OutsideFilter {
  structureId: string;
  practitionerId?: string | null;
  siteId?: string | null;
  now: Date;
}

/**
 * Changes of ranges and motifs, each on a locked row, and the appointments a change left outside the ranges. Writes
 * need the caller's transaction.
 */
export abstract class OpeningRangeChangesRepository {
  /** The range, its row locked until the transaction ends (two edits of it queue, the second sees the first). */
  abstract lockRange(id: string): Promise<OpeningRange | null>;

  /** Writes the range's definition and validity over the stored one, and bumps its version. */
  abstract updateRange(range: OpeningRange): Promise<void>;

  /** A range withdrawn before its first day: nothing of it was ever open. */
  abstract deleteRange(id: string): Promise<void>;

  /** The practitioner's booked and confirmed appointments at the site starting in [start, end) (end null: ever after). */
  abstract liveAppointments(
    practitionerId: string,
    siteId: string,
    start: Date,
    end: Date | null,
  ): Promise<LiveAppointment[]>;

  /**
   * Lists appointments a change left outside. One row per appointment: listed again after a move, it is open again;
   * kept where it is, it stays kept (staff already decided it may stay outside the ranges there).
   */
  abstract listOutside(appointments: readonly LiveAppointment[], openingRangeId: string, at: Date): Promise<void>;

  /**
   * The undecided ones still live, still where they were listed and not yet begun, soonest first; `appointmentIds`
   * narrows to those (the answer of a change).
   */
  abstract outside(filter: OutsideFilter, appointmentIds?: readonly string[]): Promise<AppointmentOutsideRanges[]>;

  /** One listed appointment, whatever its state, its row locked until the transaction ends. */
  abstract lockOutside(appointmentId: string): Promise<AppointmentOutsideRanges | null>;

  abstract decide(appointmentId: string, decision: OutsideDecision, by: string, at: Date): Promise<void>;

  /** The motif, its row locked until the transaction ends. */
  abstract lockMotif(id: string): Promise<Motif | null>;

  /** Writes the motif over the stored one (archive included) and bumps its version. */
  abstract updateMotif(motif: Motif): Promise<void>;
}

import type { AppointmentStatus } from '../../domain/appointment-status';
import type { BookingChannel } from '../../domain/booking-channel';
import type { Interval } from '../../domain/interval';

/** An appointment or a hold, as handlers read and change it. */
export interface Appointment {
  id: string;
  structureId: string;
  siteId: string;
  practitionerId: string;
  /** Opaque directory id; null only while a hold waits for the caller to be identified. */
  patientId: string | null;
  motifId: string;
  /** The room of the site booked with it, if any (`appointment_room_no_overlap` keeps a room's live ones apart). */
  roomId: string | null;
  startsAt: Date;
  endsAt: Date;
  status: AppointmentStatus;
  holdExpiresAt: Date | null;
  bookedBy: BookingChannel;
  /** The member (or service) who booked it. */
  bookedByActor: string;
  /** A pooled SNP booking (SCH-4): the CPTS member MSP that booked it, whose patient it is. */
  bookingStructureId?: string | null;
  cancelledBy: string | null;
  cancelReason: string | null;
  cancelledAt: Date | null;
  createdAt: Date;
}

/** Where an appointment moves to: practitioner, site and time. */
export interface AppointmentPlace extends Interval {
  practitionerId: string;
  siteId: string;
  roomId: string | null;
}

export interface LapsedHold {
  id: string;
  practitionerId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface AppointmentWindowFilter {
  structureId: string;
  start: Date;
  end: Date;
  practitionerIds: readonly string[];
  siteIds: readonly string[];
}

/** Appointments and holds; the exclusion constraint is the last word on whose time is whose. */
export abstract class AppointmentRepository {
  abstract findById(id: string): Promise<Appointment | null>;

  /** Live appointments and unexpired holds of a structure overlapping [start, end), narrowed when lists are given. */
  abstract liveIn(filter: AppointmentWindowFilter): Promise<Appointment[]>;

  /** Locks the row for the rest of the transaction. */
  abstract lockById(id: string): Promise<Appointment | null>;

  /** Inserts a live appointment or hold; losing the race for the time gives SCHEDULING.SLOT_TAKEN. */
  abstract insert(appointment: Appointment): Promise<Appointment>;

  abstract save(appointment: Appointment): Promise<Appointment>;

  /**
   * Cancels the practitioner's expired holds overlapping [start, end) — and those in `roomId` then, when a room is
   * booked too — so that they stop blocking a booking there. Rows are locked in id order: two bookings clearing the
   * same holds never deadlock.
   */
  abstract lapseHoldsOverlapping(
    practitionerId: string,
    start: Date,
    end: Date,
    now: Date,
    roomId?: string | null,
  ): Promise<LapsedHold[]>;

  /** The sweeper's batch: expired holds nobody else is handling right now (skip locked). */
  abstract lapseExpiredHolds(now: Date, limit: number): Promise<LapsedHold[]>;

  /** Moves an appointment in place (same id): a time taken by someone else gives SCHEDULING.SLOT_TAKEN. */
  abstract moveTo(appointmentId: string, place: AppointmentPlace): Promise<void>;
}

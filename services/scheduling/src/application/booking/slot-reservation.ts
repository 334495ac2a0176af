import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@msp/messaging';
import { SchedulingError, SchedulingErrorCode } from '../../domain/scheduling-error';
import { AppointmentRepository, type Appointment, type LapsedHold } from '../ports/appointment.repository';
import { Savepoints } from '../ports/savepoints';

/**
 * Takes a practitioner's time inside the caller's transaction: first lapses the expired holds in the way (each recorded
 * as an event), then inserts; the exclusion constraints refuse any overlap with a live appointment or hold of the
 * practitioner, or in the room.
 */
@Injectable()
export class SlotReservation {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly outbox: OutboxWriter,
    private readonly savepoints: Savepoints,
  ) {}

  /**
   * `roomAlternatives`: when the room was chosen for the motif rather than by staff, the other suitable rooms free at
   * check time. A room taken meanwhile by a concurrent booking (`appointment_room_no_overlap`) is then replaced by the
   * next one, each try under a savepoint; the appointment keeps the room it got.
   */
  async reserve(
    appointment: Appointment,
    now: Date,
    roomAlternatives: readonly string[] | null = null,
  ): Promise<Appointment> {
    if (!appointment.roomId || roomAlternatives === null) return this.take(appointment, now);
    for (const roomId of [appointment.roomId, ...roomAlternatives]) {
      try {
        const taken = await this.savepoints.attempt(() => this.take({ ...appointment, roomId }, now));
        appointment.roomId = roomId;
        return taken;
      } catch (error) {
        if (!(error instanceof SchedulingError && error.code === SchedulingErrorCode.RoomTaken)) throw error;
      }
    }
    throw SchedulingError.roomTaken('No room this motif needs is free at that time any more', 'input.startsAt');
  }

  private async take(appointment: Appointment, now: Date): Promise<Appointment> {
    const lapsed = await this.appointments.lapseHoldsOverlapping(
      appointment.practitionerId,
      appointment.startsAt,
      appointment.endsAt,
      now,
      appointment.roomId,
    );
    await this.recordLapsed(lapsed, now);
    return this.appointments.insert(appointment);
  }

  async recordLapsed(lapsed: readonly LapsedHold[], now: Date): Promise<void> {
    for (const hold of lapsed) {
      await this.outbox.record('scheduling.appointment.hold-lapsed.v1', {
        appointmentId: hold.id,
        practitionerId: hold.practitionerId,
        startsAt: hold.startsAt.toISOString(),
        endsAt: hold.endsAt.toISOString(),
        lapsedAt: now.toISOString(),
      });
    }
  }
}

import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@msp/messaging';
import { AppointmentRepository, type Appointment, type LapsedHold } from '../ports/appointment.repository';

/**
 * Takes a practitioner's time inside the caller's transaction: first lapses the expired holds in the way (each recorded
 * as an event), then inserts; the exclusion constraint refuses any overlap with a live appointment or hold.
 */
@Injectable()
export class SlotReservation {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async reserve(appointment: Appointment, now: Date): Promise<Appointment> {
    const lapsed = await this.appointments.lapseHoldsOverlapping(
      appointment.practitionerId,
      appointment.startsAt,
      appointment.endsAt,
      now,
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

import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { assertReschedulable } from '../../domain/appointment-lifecycle';
import { SchedulingError } from '../../domain/scheduling-error';
import { AppointmentRepository, type Appointment } from '../ports/appointment.repository';
import { channelOf, type Actor } from '../actor';
import { BookingContextLoader } from '../booking/booking-context.loader';
import { SlotReservation } from '../booking/slot-reservation';
import { assertUuid } from '../input-checks';
import { assertActorMayBook } from '../permissions';
import { appointmentFacts } from '../lifecycle/lifecycle-events';

export interface RescheduleAppointmentInput {
  appointmentId: string;
  /** The new start; the end follows from the motif. */
  startsAt: string;
  /** Another practitioner or site of the same structure; by default the appointment's own. */
  practitionerId?: string | null;
  siteId?: string | null;
  /**
   * The virtual secretary moves an appointment on its caller's behalf: the caller's patient id, which the appointment
   * must be of (another patient's appointment is NOT_FOUND, as a missing one).
   */
  onBehalfOfPatientId?: string | null;
}

/**
 * Moves a booked or confirmed appointment to another time (same id, same patient and motif) in one transaction: the
 * new time is checked like a booking by the same caller, expired holds in its way lapse, and the row moves under the
 * exclusion constraint, so a taken time is SLOT_TAKEN and the previous time is free the moment it commits.
 */
@Injectable()
export class RescheduleAppointmentHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly appointments: AppointmentRepository,
    private readonly loader: BookingContextLoader,
    private readonly reservation: SlotReservation,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(actor: Actor, input: RescheduleAppointmentInput): Promise<Appointment> {
    const id = assertUuid(input.appointmentId, 'input.appointmentId');
    const caller = input.onBehalfOfPatientId ? assertUuid(input.onBehalfOfPatientId, 'input.patientId') : null;
    return this.transactions.run(async () => {
      const appointment = await this.appointments.lockById(id);
      if (!appointment || (caller !== null && appointment.patientId !== caller))
        throw SchedulingError.notFound('Appointment', 'input.appointmentId');
      assertActorMayBook(
        actor,
        appointment.structureId,
        appointment.siteId,
        appointment.practitionerId,
        SchedulingError.notFound('Appointment', 'input.appointmentId'),
      );
      assertReschedulable(appointment.status);
      const request = {
        practitionerId: input.practitionerId ?? appointment.practitionerId,
        siteId: input.siteId ?? appointment.siteId,
        motifId: appointment.motifId,
        startsAt: input.startsAt,
        // The room goes with the appointment while it stays at its site; elsewhere the motif's needs choose again.
        roomId: (input.siteId ?? appointment.siteId) === appointment.siteId ? appointment.roomId : null,
      };
      const slot = await this.loader.checkLocked(
        request,
        channelOf(actor),
        (structureId) => {
          if (structureId !== appointment.structureId) throw SchedulingError.notFound('Site', 'input.siteId');
          assertActorMayBook(
            actor,
            structureId,
            request.siteId,
            request.practitionerId,
            SchedulingError.notFound('Site', 'input.siteId'),
          );
        },
        { ignoreAppointmentId: appointment.id },
      );
      const unchanged =
        slot.practitionerId === appointment.practitionerId &&
        slot.siteId === appointment.siteId &&
        slot.interval.start.getTime() === appointment.startsAt.getTime();
      if (unchanged) throw SchedulingError.invalid('input.startsAt', 'is already the time of this appointment');
      const previous = appointmentFacts(appointment);
      const lapsed = await this.appointments.lapseHoldsOverlapping(
        slot.practitionerId,
        slot.interval.start,
        slot.interval.end,
        slot.now,
        slot.roomId,
      );
      await this.reservation.recordLapsed(lapsed, slot.now);
      await this.appointments.moveTo(appointment.id, {
        practitionerId: slot.practitionerId,
        siteId: slot.siteId,
        roomId: slot.roomId,
        ...slot.interval,
      });
      Object.assign(appointment, {
        practitionerId: slot.practitionerId,
        siteId: slot.siteId,
        roomId: slot.roomId,
        startsAt: slot.interval.start,
        endsAt: slot.interval.end,
      });
      await this.outbox.record('scheduling.appointment.rescheduled.v1', {
        ...appointmentFacts(appointment),
        previousSiteId: previous.siteId,
        previousPractitionerId: previous.practitionerId,
        previousStartsAt: previous.startsAt,
        previousEndsAt: previous.endsAt,
        rescheduledBy: channelOf(actor),
        rescheduledAt: slot.now.toISOString(),
      });
      return appointment;
    });
  }
}

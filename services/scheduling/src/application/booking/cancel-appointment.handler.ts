import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import {
  CANCEL_REASONS,
  CANCELLATION_PARTIES,
  canTransition,
  type CancellationParty,
  type CancelReason,
} from '../../domain/appointment-status';
import { SchedulingError } from '../../domain/scheduling-error';
import { AppointmentRepository, type Appointment } from '../ports/appointment.repository';
import type { Actor } from '../actor';
import { Clock } from '@msp/service-kit';
import { assertUuid } from '../input-checks';
import { assertActorMayBook } from '../permissions';

export interface CancelAppointmentInput {
  appointmentId: string;
  reason: CancelReason;
  /** Who asked for it; by default the practitioner when they cancel their own, else staff (or the virtual secretary). */
  cancelledBy?: CancellationParty | null;
}

/** Cancels an appointment or releases a hold: its time is free again at once. */
@Injectable()
export class CancelAppointmentHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly appointments: AppointmentRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  execute(actor: Actor, input: CancelAppointmentInput): Promise<Appointment> {
    const id = assertUuid(input.appointmentId, 'input.appointmentId');
    if (!(CANCEL_REASONS as readonly string[]).includes(input.reason))
      throw SchedulingError.invalid('input.reason', `must be one of ${CANCEL_REASONS.join(', ')}`);
    if (input.cancelledBy && !(CANCELLATION_PARTIES as readonly string[]).includes(input.cancelledBy)) {
      throw SchedulingError.invalid('input.cancelledBy', `must be one of ${CANCELLATION_PARTIES.join(', ')}`);
    }
    return this.transactions.run(async () => {
      const appointment = await this.appointments.lockById(id);
      if (!appointment) throw SchedulingError.notFound('Appointment', 'input.appointmentId');
      assertActorMayBook(
        actor,
        appointment.structureId,
        appointment.siteId,
        appointment.practitionerId,
        SchedulingError.notFound('Appointment', 'input.appointmentId'),
      );
      if (!canTransition(appointment.status, 'cancelled'))
        throw SchedulingError.invalidTransition(appointment.status, 'cancelled');
      const now = this.clock.now();
      const cancelledBy = input.cancelledBy ?? defaultParty(actor, appointment.practitionerId);
      Object.assign(appointment, { status: 'cancelled', cancelledBy, cancelReason: input.reason, cancelledAt: now });
      await this.appointments.save(appointment);
      await this.outbox.record('scheduling.appointment.cancelled.v1', {
        appointmentId: appointment.id,
        practitionerId: appointment.practitionerId,
        cancelledBy,
        reason: input.reason,
        cancelledAt: now.toISOString(),
        structureId: appointment.structureId,
        siteId: appointment.siteId,
        startsAt: appointment.startsAt.toISOString(),
        endsAt: appointment.endsAt.toISOString(),
      });
      return appointment;
    });
  }
}

function defaultParty(actor: Actor, practitionerId: string): CancellationParty {
  if (actor.kind !== 'member') return actor.kind === 'online' ? 'patient' : 'virtual_secretary';
  return actor.user.memberId === practitionerId ? 'practitioner' : 'staff';
}

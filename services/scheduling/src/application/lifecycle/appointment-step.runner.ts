import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@msp/persistence';
import { assertStepTiming, type LifecycleStep } from '../../domain/appointment-lifecycle';
import { canTransition } from '../../domain/appointment-status';
import { SchedulingError } from '../../domain/scheduling-error';
import { AgendaRepository } from '../ports/agenda.repository';
import { AppointmentRepository, type Appointment } from '../ports/appointment.repository';
import type { Actor } from '../actor';
import { Clock } from '@msp/service-kit';
import { assertUuid } from '../input-checks';
import { assertActorMayBook } from '../permissions';

/** Which appointment takes the step. */
export interface AppointmentStepInput {
  appointmentId: string;
}

/** Records the step's event inside the transaction, once the appointment has its new status. */
export type StepRecorder = (appointment: Appointment, now: Date) => Promise<unknown>;

/** A step's own rule, checked once the step itself is allowed and before anything is written (throws to refuse). */
export type StepCheck = (appointment: Appointment, now: Date) => void;

/**
 * One step of an appointment's day (arrived, in consultation, done, no-show), in one transaction: the row locked, the
 * caller allowed to book for that practitioner at that site (booking staff of the site, or the practitioner), the
 * status change allowed by the domain, at a sensible time of the site's day; then the new status and its event.
 */
@Injectable()
export class AppointmentStepRunner {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly appointments: AppointmentRepository,
    private readonly agenda: AgendaRepository,
    private readonly clock: Clock,
  ) {}

  run(
    actor: Actor,
    appointmentId: string,
    step: LifecycleStep,
    record: StepRecorder,
    check?: StepCheck,
  ): Promise<Appointment> {
    const id = assertUuid(appointmentId, 'input.appointmentId');
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
      if (!canTransition(appointment.status, step)) throw SchedulingError.invalidTransition(appointment.status, step);
      const site = await this.agenda.site(appointment.siteId);
      if (!site) throw SchedulingError.notFound('Site', 'input.appointmentId');
      const now = this.clock.now();
      assertStepTiming(step, { start: appointment.startsAt, end: appointment.endsAt }, now, site.timeZone);
      check?.(appointment, now);
      appointment.status = step;
      await this.appointments.save(appointment);
      await record(appointment, now);
      return appointment;
    });
  }
}

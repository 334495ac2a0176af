import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@msp/messaging';
import type { Appointment } from '../ports/appointment.repository';
import type { Actor } from '../actor';
import { AppointmentStepRunner, type AppointmentStepInput } from './appointment-step.runner';
import { appointmentFacts } from './lifecycle-events';

/** The practitioner starts the consultation of an arrived patient. */
@Injectable()
export class StartConsultationHandler {
  constructor(
    private readonly steps: AppointmentStepRunner,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(actor: Actor, input: AppointmentStepInput): Promise<Appointment> {
    return this.steps.run(actor, input.appointmentId, 'in_consultation', (appointment, now) =>
      this.outbox.record('scheduling.appointment.consultation-started.v1', {
        ...appointmentFacts(appointment),
        startedAt: now.toISOString(),
      }),
    );
  }
}

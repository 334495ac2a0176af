import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@msp/messaging';
import type { Appointment } from '../ports/appointment.repository';
import type { Actor } from '../actor';
import { AppointmentStepRunner, type AppointmentStepInput } from './appointment-step.runner';
import { appointmentFacts } from './lifecycle-events';

/** The consultation is over (from arrived or in consultation). */
@Injectable()
export class CompleteAppointmentHandler {
  constructor(
    private readonly steps: AppointmentStepRunner,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(actor: Actor, input: AppointmentStepInput): Promise<Appointment> {
    return this.steps.run(actor, input.appointmentId, 'done', (appointment, now) =>
      this.outbox.record('scheduling.appointment.completed.v1', {
        ...appointmentFacts(appointment),
        completedAt: now.toISOString(),
      }),
    );
  }
}

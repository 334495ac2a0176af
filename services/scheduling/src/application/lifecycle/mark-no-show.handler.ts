import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@msp/messaging';
import type { Appointment } from '../ports/appointment.repository';
import type { Actor } from '../actor';
import { AppointmentStepRunner, type AppointmentStepInput } from './appointment-step.runner';
import { appointmentFacts } from './lifecycle-events';

/** The patient did not come; only once the appointment has started. */
@Injectable()
export class MarkNoShowHandler {
  constructor(
    private readonly steps: AppointmentStepRunner,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(actor: Actor, input: AppointmentStepInput): Promise<Appointment> {
    return this.steps.run(actor, input.appointmentId, 'no_show', (appointment, now) =>
      this.outbox.record('scheduling.appointment.no-show.v1', {
        ...appointmentFacts(appointment),
        markedAt: now.toISOString(),
      }),
    );
  }
}

import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@msp/messaging';
import type { Appointment } from '../ports/appointment.repository';
import type { Actor } from '../actor';
import { AppointmentStepRunner, type AppointmentStepInput } from './appointment-step.runner';
import { appointmentFacts } from './lifecycle-events';

/** The patient is in the waiting room. */
@Injectable()
export class MarkArrivedHandler {
  constructor(
    private readonly steps: AppointmentStepRunner,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(actor: Actor, input: AppointmentStepInput): Promise<Appointment> {
    return this.steps.run(actor, input.appointmentId, 'arrived', (appointment, now) =>
      this.outbox.record('scheduling.appointment.arrived.v1', {
        ...appointmentFacts(appointment),
        arrivedAt: now.toISOString(),
      }),
    );
  }
}

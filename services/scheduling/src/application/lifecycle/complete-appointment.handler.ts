import { Injectable } from '@nestjs/common';
import { FOLLOW_UP_EXAMS, type FollowUpExamV1 } from '@msp/contracts';
import { OutboxWriter } from '@msp/messaging';
import { assertFollowUpDue } from '../../domain/follow-up';
import { SchedulingError } from '../../domain/scheduling-error';
import type { Appointment } from '../ports/appointment.repository';
import type { Actor } from '../actor';
import { parseInstant } from '../input-checks';
import { assertMayAskFollowUp } from '../permissions';
import { AppointmentStepRunner, type AppointmentStepInput } from './appointment-step.runner';
import { appointmentFacts } from './lifecycle-events';

export interface CompleteAppointmentInput extends AppointmentStepInput {
  /** An exam whose result the practitioner asks the team to chase, due by an instant (ISO-8601 with offset). */
  followUp?: { exam: string; dueBy: string } | null;
}

/**
 * The consultation is over (from arrived or in consultation). The practitioner may ask the team to chase an exam's
 * result: the completion event then carries it, and delegation makes a task of it.
 */
@Injectable()
export class CompleteAppointmentHandler {
  constructor(
    private readonly steps: AppointmentStepRunner,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(actor: Actor, input: CompleteAppointmentInput): Promise<Appointment> {
    const followUp = input.followUp ? checkFollowUp(input.followUp) : null;
    return this.steps.run(
      actor,
      input.appointmentId,
      'done',
      (appointment, now) =>
        this.outbox.record('scheduling.appointment.completed.v1', {
          ...appointmentFacts(appointment),
          completedAt: now.toISOString(),
          ...(followUp
            ? { followUp: { kind: 'exam_to_chase', exam: followUp.exam, dueBy: followUp.dueBy.toISOString() } }
            : {}),
        }),
      (appointment, now) => {
        if (!followUp) return;
        assertMayAskFollowUp(actor, appointment.structureId);
        assertFollowUpDue(followUp.dueBy, now, 'input.followUp.dueBy');
      },
    );
  }
}

function checkFollowUp(followUp: { exam: string; dueBy: string }): { exam: FollowUpExamV1; dueBy: Date } {
  const exam = FOLLOW_UP_EXAMS.find((code) => code === followUp.exam);
  if (!exam) throw SchedulingError.invalid('input.followUp.exam', `must be one of ${FOLLOW_UP_EXAMS.join(', ')}`);
  return { exam, dueBy: parseInstant(followUp.dueBy, 'input.followUp.dueBy') };
}

import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { SchedulingError } from '../../domain/scheduling-error';
import { AbsenceRepository, type Absence } from '../ports/absence.repository';
import { Clock } from '@msp/service-kit';
import { assertUuid, parseInstant } from '../input-checks';
import { assertMayManage, PERMISSIONS } from '../permissions';

export interface EndAbsenceInput {
  absenceId: string;
  /** When the practitioner is back; now when omitted. */
  endsAt?: string | null;
}

/** A practitioner is back earlier than declared: the rest of the absence returns to the agenda, other services are told. */
@Injectable()
export class EndAbsenceHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly absences: AbsenceRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  execute(user: UserContext, input: EndAbsenceInput): Promise<Absence> {
    const absenceId = assertUuid(input.absenceId, 'input.absenceId');
    const requested = input.endsAt ? parseInstant(input.endsAt, 'input.endsAt') : this.clock.now();
    return this.transactions.run(async () => {
      const absence = await this.absences.lockById(absenceId);
      if (!absence) throw SchedulingError.notFound('Absence', 'input.absenceId');
      assertMayManage(
        user,
        absence.structureId,
        PERMISSIONS.declareAbsences,
        absence.practitionerId,
        SchedulingError.notFound('Absence', 'input.absenceId'),
      );
      if (requested >= absence.endsAt)
        throw SchedulingError.invalid('input.endsAt', 'must be before the current end of the absence');
      // Ending an absence before it began withdraws it: nothing of it remains. The row goes rather than shrinking to
      // nothing, which `schedule_exception` refuses (ends_at > starts_at); the event says it ends as it starts.
      if (requested <= absence.startsAt) {
        absence.endsAt = absence.startsAt;
        await this.absences.withdraw(absence.id);
      } else {
        absence.endsAt = requested;
        await this.absences.endAt(absence.id, absence.endsAt);
      }
      await this.outbox.record('scheduling.absence.ended.v1', {
        absenceId: absence.id,
        structureId: absence.structureId,
        practitionerId: absence.practitionerId,
        endsAt: absence.endsAt.toISOString(),
        endedAt: this.clock.now().toISOString(),
      });
      return absence;
    });
  }
}

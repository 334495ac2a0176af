import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { createScheduleException, type ExceptionKind } from '../../domain/schedule-exception';
import { SchedulingError } from '../../domain/scheduling-error';
import { AbsenceRepository, type Absence } from '../ports/absence.repository';
import { AgendaRepository } from '../ports/agenda.repository';
import { Clock } from '@msp/service-kit';
import { assertUuid, parseInstant } from '../input-checks';
import { assertMayManage, PERMISSIONS } from '../permissions';

export interface DeclareAbsenceInput {
  structureId: string;
  practitionerId: string;
  kind: ExceptionKind;
  startsAt: string;
  endsAt: string;
}

/** Takes time out of a practitioner's agenda at every site of the structure, and tells the other services. */
@Injectable()
export class DeclareAbsenceHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly agenda: AgendaRepository,
    private readonly absences: AbsenceRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, input: DeclareAbsenceInput): Promise<Absence> {
    const structureId = assertUuid(input.structureId, 'input.structureId');
    const practitionerId = assertUuid(input.practitionerId, 'input.practitionerId');
    assertMayManage(user, structureId, PERMISSIONS.declareAbsences, practitionerId);
    const exception = createScheduleException({
      id: randomUUID(),
      structureId,
      practitionerId,
      kind: input.kind,
      start: parseInstant(input.startsAt, 'input.startsAt'),
      end: parseInstant(input.endsAt, 'input.endsAt'),
    });
    if (!(await this.agenda.teamMember(practitionerId, structureId)))
      throw SchedulingError.notFound('Practitioner', 'input.practitionerId');
    const absence: Absence = {
      id: exception.id,
      structureId,
      practitionerId,
      kind: exception.kind,
      startsAt: exception.start,
      endsAt: exception.end,
      declaredBy: user.memberId,
    };
    return this.transactions.run(async () => {
      // A booking of this practitioner under way finishes first; the next one sees this absence (BookingContextLoader).
      await this.agenda.lockPractitionerAgenda(practitionerId);
      await this.absences.insert(absence);
      await this.outbox.record('scheduling.absence.declared.v1', {
        absenceId: absence.id,
        structureId,
        practitionerId,
        kind: absence.kind,
        startsAt: absence.startsAt.toISOString(),
        endsAt: absence.endsAt.toISOString(),
        declaredAt: this.clock.now().toISOString(),
      });
      return absence;
    });
  }
}

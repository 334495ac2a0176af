import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { OutboxWriter } from '@msp/messaging';
import { requireActiveManager, TransactionRunner } from '@msp/persistence';
import { createScheduleException, type ExceptionKind } from '../../domain/schedule-exception';
import { SchedulingError } from '../../domain/scheduling-error';
import { ScheduleExceptionEntity } from '../../infrastructure/entities/schedule-exception.entity';
import { AgendaRepository } from '../../infrastructure/repositories/agenda.repository';
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
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, input: DeclareAbsenceInput): Promise<ScheduleExceptionEntity> {
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
    const entity = Object.assign(new ScheduleExceptionEntity(), {
      id: exception.id,
      structureId,
      practitionerId,
      kind: exception.kind,
      startsAt: exception.start,
      endsAt: exception.end,
      declaredBy: user.memberId,
    });
    return this.transactions.run(async () => {
      const manager = requireActiveManager('Declaring an absence');
      const saved = await manager.save(entity);
      await this.outbox.record('scheduling.absence.declared.v1', {
        absenceId: saved.id,
        structureId,
        practitionerId,
        kind: saved.kind,
        startsAt: saved.startsAt.toISOString(),
        endsAt: saved.endsAt.toISOString(),
        declaredAt: this.clock.now().toISOString(),
      });
      return saved;
    });
  }
}

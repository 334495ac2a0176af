import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { DelegationError } from '../../domain/delegation-error';
import { isoWeekOf } from '../../domain/time/iso-week';
import { assertText, assertUuid } from '../input-checks';
import { assertMember } from '../permissions';
import { DysfunctionRepository, type DysfunctionReport } from '../ports/dysfunction.repository';
import { ProtocolRepository } from '../ports/protocol.repository';
import { TaskRepository } from '../ports/task.repository';

export interface ReportDysfunctionInput {
  structureId: string;
  description: string;
  taskId?: string | null;
  protocolId?: string | null;
}

/** DEL-6: anyone in the team reports what went wrong with a delegation, for the weekly review. */
@Injectable()
export class ReportDysfunctionHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly reports: DysfunctionRepository,
    private readonly tasks: TaskRepository,
    private readonly protocols: ProtocolRepository,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, input: ReportDysfunctionInput): Promise<DysfunctionReport> {
    assertUuid(input.structureId, 'input.structureId');
    assertMember(user, input.structureId, DelegationError.notFound('Structure', 'input.structureId'));
    const description = assertText(input.description, 'input.description').trim();
    if (!description) throw DelegationError.invalid('input.description', 'must say what went wrong');
    if (input.taskId != null) assertUuid(input.taskId, 'input.taskId');
    if (input.protocolId != null) assertUuid(input.protocolId, 'input.protocolId');
    return this.transactions.run(async () => {
      if (input.taskId && (await this.tasks.byId(input.taskId))?.structureId !== input.structureId)
        throw DelegationError.notFound('Task', 'input.taskId');
      if (input.protocolId && (await this.protocols.byId(input.protocolId))?.structureId !== input.structureId)
        throw DelegationError.notFound('Protocol', 'input.protocolId');
      const at = this.clock.now();
      const report: DysfunctionReport = {
        id: randomUUID(),
        structureId: input.structureId,
        taskId: input.taskId ?? null,
        protocolId: input.protocolId ?? null,
        reportedBy: user.memberId,
        description,
        at,
        isoWeek: isoWeekOf(at),
      };
      await this.reports.insert(report);
      return report;
    });
  }
}

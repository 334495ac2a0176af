import { Injectable } from '@nestjs/common';
import { hasRoleIn, type UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { DelegationError, DelegationErrorCode } from '../../domain/delegation-error';
import { assertText, assertUuid, parseInstant } from '../input-checks';
import { assertMember } from '../permissions';
import { TASK_PRIORITIES, type Task, type TaskPriority } from '../ports/task.repository';
import { TaskFactory } from './task-factory';

export interface CreateTaskInput {
  structureId: string;
  siteId?: string | null;
  protocolId?: string | null;
  taskType?: string | null;
  title: string;
  description?: string | null;
  priority?: string | null;
  assigneeId?: string | null;
  poolRole?: string | null;
  patientId?: string | null;
  physicianId?: string | null;
  categories?: string[] | null;
  dueAt?: string | null;
}

/** DEL-3: a member of the structure makes a task, for a person or a pool, under a protocol or a catalogue type. */
@Injectable()
export class CreateTaskHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly factory: TaskFactory,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, input: CreateTaskInput): Promise<Task> {
    assertUuid(input.structureId, 'input.structureId');
    assertMember(user, input.structureId, DelegationError.notFound('Structure', 'input.structureId'));
    for (const field of ['siteId', 'protocolId', 'assigneeId', 'patientId', 'physicianId'] as const) {
      const value = input[field];
      if (value != null) assertUuid(value, `input.${field}`);
    }
    const title = assertText(input.title, 'input.title').trim();
    if (!title || title.length > 200) throw DelegationError.invalid('input.title', 'must be 1 to 200 characters');
    const description = input.description == null ? '' : assertText(input.description, 'input.description');
    const priority = (input.priority ?? 'normal') as TaskPriority;
    if (!TASK_PRIORITIES.includes(priority))
      throw DelegationError.invalid('input.priority', `must be one of ${TASK_PRIORITIES.join(', ')}`);
    const now = this.clock.now();
    const dueAt = input.dueAt == null ? null : parseInstant(input.dueAt, 'input.dueAt');
    if (dueAt && dueAt <= now) throw DelegationError.invalid('input.dueAt', 'must be in the future');
    const categories = (input.categories ?? []).map((c, i) => assertText(c, `input.categories[${i}]`).trim());
    if (input.assigneeId && input.poolRole)
      throw DelegationError.invalid('input.poolRole', 'a task goes to a person or to a pool, not both');

    return this.transactions.run(async () => {
      const frame = await this.factory.frameOf(input.structureId, input.protocolId ?? null, input.taskType ?? null);
      if (input.siteId) await this.factory.assertSite(input.structureId, input.siteId, 'input.siteId');
      if (input.assigneeId) {
        const assignee = await this.factory.assertCurrentMember(
          input.structureId,
          input.assigneeId,
          'input.assigneeId',
        );
        if (!assignee.roles.some((r) => frame.executingRoles.includes(r)))
          throw new DelegationError(
            DelegationErrorCode.RoleNotAllowed,
            `input.assigneeId: this task is reserved to: ${frame.executingRoles.join(', ')}`,
            'input.assigneeId',
          );
      }
      if (input.poolRole && !frame.executingRoles.includes(input.poolRole))
        throw DelegationError.invalid(
          'input.poolRole',
          `must be one of the executing roles: ${frame.executingRoles.join(', ')}`,
        );
      const physicianId =
        input.physicianId ?? (hasRoleIn(user, input.structureId, ['practitioner']) ? user.memberId : null);
      if (input.physicianId) {
        const physician = await this.factory.assertCurrentMember(
          input.structureId,
          input.physicianId,
          'input.physicianId',
        );
        if (!physician.roles.includes('practitioner'))
          throw DelegationError.invalid('input.physicianId', 'must be a practitioner of the structure');
      }
      const task = await this.factory.create(
        {
          structureId: input.structureId,
          siteId: input.siteId ?? null,
          protocolId: frame.protocol?.id ?? null,
          taskType: frame.type.code,
          origin: 'person',
          sourceId: null,
          title,
          description,
          priority,
          assigneeId: input.assigneeId ?? null,
          poolRole: input.poolRole ?? null,
          patientId: input.patientId ?? null,
          physicianId,
          categories,
          dueAt,
          createdBy: user.memberId,
        },
        frame,
        now,
      );
      // A person's task has no source, so nothing can have made it already.
      if (!task) throw new Error('A task without a source was refused as a duplicate');
      return task;
    });
  }
}

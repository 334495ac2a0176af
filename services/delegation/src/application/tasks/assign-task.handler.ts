import { Injectable } from '@nestjs/common';
import { ForbiddenError, hasRoleIn, type UserContext } from '@msp/auth';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { DelegationError, DelegationErrorCode } from '../../domain/delegation-error';
import type { TaskStatus } from '../../domain/tasks/task-board';
import { assertUuid } from '../input-checks';
import { assertMember, PERMISSIONS } from '../permissions';
import { TaskRepository, type Task } from '../ports/task.repository';
import { recordTaskEvent } from '../task-events';
import { staleTask } from './move-task.handler';
import { TaskFactory } from './task-factory';

export interface AssignTaskInput {
  taskId: string;
  expectedVersion: number;
  /** A person; or null with `poolRole` to put the task back in a pool. */
  assigneeId?: string | null;
  poolRole?: string | null;
}

const ASSIGNABLE: readonly TaskStatus[] = ['todo', 'in_progress', 'blocked'];

/** DEL-3: gives a task to a person holding one of its executing roles, or to a pool (role + the task's site). */
@Injectable()
export class AssignTaskHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly tasks: TaskRepository,
    private readonly factory: TaskFactory,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, input: AssignTaskInput): Promise<Task> {
    assertUuid(input.taskId, 'input.taskId');
    if (input.assigneeId != null) assertUuid(input.assigneeId, 'input.assigneeId');
    if (!input.assigneeId === !input.poolRole)
      throw DelegationError.invalid('input.assigneeId', 'give either a person (assigneeId) or a pool (poolRole)');
    return this.transactions.run(async () => {
      const task = await this.tasks.byId(input.taskId);
      const unseen = DelegationError.notFound('Task', 'input.taskId');
      if (!task) throw unseen;
      assertMember(user, task.structureId, unseen);
      if (task.version !== input.expectedVersion) throw staleTask(task);
      if (!ASSIGNABLE.includes(task.status))
        throw new DelegationError(
          DelegationErrorCode.IllegalTransition,
          `input.taskId: a task ${task.status.replace('_', ' ')} cannot be reassigned; only one to do, in progress or blocked`,
          'input.taskId',
        );
      const selfTaking = input.assigneeId === user.memberId;
      if (
        !selfTaking &&
        !hasRoleIn(user, task.structureId, PERMISSIONS.assignTasks) &&
        task.assigneeId !== user.memberId
      )
        throw new ForbiddenError(`Assigning a task requires one of the roles: ${PERMISSIONS.assignTasks.join(', ')}`);
      const executingRoles = await this.factory.executingRolesOf(task);
      if (input.assigneeId) {
        const assignee = await this.factory.assertCurrentMember(task.structureId, input.assigneeId, 'input.assigneeId');
        if (!assignee.roles.some((r) => executingRoles.includes(r)))
          throw new DelegationError(
            DelegationErrorCode.RoleNotAllowed,
            `input.assigneeId: this task is reserved to: ${executingRoles.join(', ')}`,
            'input.assigneeId',
          );
      } else if (!input.poolRole || !executingRoles.includes(input.poolRole)) {
        throw DelegationError.invalid(
          'input.poolRole',
          `must be one of the executing roles: ${executingRoles.join(', ')}`,
        );
      }
      const now = this.clock.now();
      const next: Task = {
        ...task,
        assigneeId: input.assigneeId ?? null,
        poolRole: input.assigneeId ? null : (input.poolRole ?? null),
        // Whoever takes it over starts it themselves.
        status: task.status === 'in_progress' && task.assigneeId !== input.assigneeId ? 'todo' : task.status,
        updatedAt: now,
        version: task.version + 1,
      };
      const written = await this.tasks.update(next, task.version, {
        fromStatus: task.status,
        toStatus: next.status,
        move: 'assign',
        actorId: user.memberId,
        reason: null,
        at: now,
        version: next.version,
      });
      if (!written) throw staleTask((await this.tasks.byId(task.id)) ?? task);
      await recordTaskEvent(this.outbox, 'delegation.task.assigned.v1', next, {
        previousAssigneeId: task.assigneeId,
        assignedBy: user.memberId,
        assignedAt: now.toISOString(),
      });
      return next;
    });
  }
}

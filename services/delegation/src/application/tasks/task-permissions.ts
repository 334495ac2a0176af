import { ForbiddenError, hasRoleIn, membershipIn, type Role, type UserContext } from '@msp/auth';
import { DelegationError, DelegationErrorCode } from '../../domain/delegation-error';
import type { TaskMove } from '../../domain/tasks/task-board';
import type { EscalationChain } from '../../domain/tasks/escalation-target';
import type { Task } from '../ports/task.repository';

/** Whether `user` may take a pool task: one of its executing roles, the pool's role, at its site when it has one. */
export function assertMayTake(user: UserContext, task: Task, executingRoles: readonly string[]): void {
  const membership = membershipIn(user, task.structureId);
  const roles: readonly string[] = membership?.roles ?? [];
  const allowed = executingRoles.filter((r) => roles.includes(r));
  if (allowed.length === 0)
    throw new DelegationError(
      DelegationErrorCode.RoleNotAllowed,
      `input.taskId: this task is reserved to: ${executingRoles.join(', ')}`,
      'input.taskId',
    );
  if (task.poolRole && !roles.includes(task.poolRole))
    throw new DelegationError(
      DelegationErrorCode.RoleNotAllowed,
      `input.taskId: this task is in the ${task.poolRole} pool`,
      'input.taskId',
    );
  if (task.siteId && !membership?.siteIds.includes(task.siteId))
    throw new DelegationError(
      DelegationErrorCode.RoleNotAllowed,
      "input.taskId: this task is in another site's pool",
      'input.taskId',
    );
}

const ORGANISERS: readonly Role[] = ['coordinator', 'administrator'];

/**
 * Who may make each move (DEL-4): the delegate works their task; the referent (or the backup, or the physician the
 * task is for) validates or sends back, never the delegate; whoever it escalated to resolves it; organisers cancel.
 */
export function assertMayMove(user: UserContext, task: Task, move: TaskMove, chain: EscalationChain): void {
  const me = user.memberId;
  const isAssignee = task.assigneeId === me;
  const physicians = [task.validatorId, chain.referentId, chain.backupReferentId, chain.physicianId].filter(Boolean);
  switch (move) {
    case 'start':
      return; // Checked against the pool and the protocol's roles by the handler.
    case 'submit':
    case 'complete':
    case 'block':
    case 'unblock':
    case 'escalate':
      if (isAssignee) return;
      throw new ForbiddenError(`Only the task's assignee may ${move.replace('_', ' ')} it`);
    case 'validate':
    case 'send_back':
      if (isAssignee)
        throw new DelegationError(
          DelegationErrorCode.NotValidator,
          'input.to: a delegate cannot validate their own task; their referent does',
          'input.to',
        );
      if (physicians.includes(me)) return;
      if (!task.validatorId && hasRoleIn(user, task.structureId, ['practitioner'])) return;
      throw new DelegationError(
        DelegationErrorCode.NotValidator,
        "input.to: validation belongs to the delegate's referent (or their backup while the referent is away)",
        'input.to',
      );
    case 'resolve':
    case 'return_to_delegate':
      if (task.escalatedTo === me || physicians.includes(me)) return;
      if (!task.escalatedTo && hasRoleIn(user, task.structureId, ['practitioner'])) return;
      throw new ForbiddenError('Only the physician the task was escalated to may resolve it or hand it back');
    case 'cancel':
      if (isAssignee || task.createdBy === me || physicians.includes(me)) return;
      if (hasRoleIn(user, task.structureId, ORGANISERS)) return;
      throw new ForbiddenError('Only the assignee, the author, the referent or a coordinator may cancel a task');
  }
}

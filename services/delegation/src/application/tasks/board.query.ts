import { Injectable } from '@nestjs/common';
import { membershipIn, type UserContext } from '@msp/auth';
import { DelegationError } from '../../domain/delegation-error';
import { allowedTargets, TASK_STATUSES_LIST, type TaskStatus } from '../../domain/tasks/task-board';
import { assertUuid, parseInstant } from '../input-checks';
import { assertMember } from '../permissions';
import {
  TaskRepository,
  type BoardFilter,
  type Task,
  type TaskAttachment,
  type TaskComment,
  type TaskTransition,
} from '../ports/task.repository';

/** The board's ready-made views (DEL-4): all of it, mine, my pool, what I validate, what came back to me. */
export const BOARD_VIEWS = ['all', 'mine', 'my_pool', 'to_validate', 'escalated_to_me'] as const;
export type BoardView = (typeof BOARD_VIEWS)[number];

export interface BoardInput {
  structureId: string;
  view?: string | null;
  statuses?: string[] | null;
  siteId?: string | null;
  patientId?: string | null;
  sourceIds?: string[] | null;
  /** ISO 8601 instant: only tasks changed since then. */
  updatedSince?: string | null;
  limit?: number | null;
}

export interface TaskDetail {
  task: Task;
  history: TaskTransition[];
  comments: TaskComment[];
  attachments: TaskAttachment[];
  /** The columns it may move to now (the user's right to each move is checked when they make it). */
  allowedTargets: TaskStatus[];
}

/** The shared board: every member of the structure sees its tasks ("tableau de suivi partagé"), filtered. */
@Injectable()
export class BoardQuery {
  constructor(private readonly tasks: TaskRepository) {}

  board(user: UserContext, input: BoardInput): Promise<Task[]> {
    assertUuid(input.structureId, 'structureId');
    assertMember(user, input.structureId, DelegationError.notFound('Structure', 'filter.structureId'));
    const view = (input.view ?? 'all') as BoardView;
    if (!BOARD_VIEWS.includes(view))
      throw DelegationError.invalid('filter.view', `must be one of ${BOARD_VIEWS.join(', ')}`);
    const statuses = input.statuses ?? undefined;
    const unknown = statuses?.filter((s) => !TASK_STATUSES_LIST.includes(s as TaskStatus));
    if (unknown?.length) throw DelegationError.invalid('filter.statuses', `unknown status(es): ${unknown.join(', ')}`);
    const limit = input.limit ?? 200;
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      throw DelegationError.invalid('filter.limit', 'must be 1 to 500');
    const sourceIds = input.sourceIds ?? undefined;
    if (sourceIds && sourceIds.length > 500) throw DelegationError.invalid('filter.sourceIds', 'at most 500');
    sourceIds?.forEach((id, i) => assertUuid(id, `filter.sourceIds[${i}]`));
    const filter: BoardFilter = {
      structureId: input.structureId,
      statuses: statuses as TaskStatus[] | undefined,
      siteId: input.siteId ?? undefined,
      patientId: input.patientId ?? undefined,
      sourceIds,
      updatedSince: input.updatedSince == null ? undefined : parseInstant(input.updatedSince, 'filter.updatedSince'),
      limit,
    };
    const membership = membershipIn(user, input.structureId) ?? { roles: [], siteIds: [] };
    switch (view) {
      case 'mine':
        filter.assigneeId = user.memberId;
        break;
      case 'my_pool':
        filter.pool = { roles: membership.roles, siteIds: membership.siteIds };
        break;
      case 'to_validate':
        filter.validatorId = user.memberId;
        filter.statuses = ['awaiting_validation'];
        break;
      case 'escalated_to_me':
        filter.escalatedTo = user.memberId;
        filter.statuses = ['escalated'];
        break;
      case 'all':
        break;
    }
    return this.tasks.board(filter);
  }

  async detail(user: UserContext, taskId: string): Promise<TaskDetail> {
    assertUuid(taskId, 'taskId');
    const task = await this.tasks.byId(taskId);
    const unseen = DelegationError.notFound('Task', 'taskId');
    if (!task) throw unseen;
    assertMember(user, task.structureId, unseen);
    const [history, comments, attachments] = await Promise.all([
      this.tasks.history(taskId),
      this.tasks.comments(taskId),
      this.tasks.attachments(taskId),
    ]);
    return {
      task,
      history,
      comments,
      attachments,
      allowedTargets: allowedTargets(task.status, task.validationCircuit),
    };
  }
}

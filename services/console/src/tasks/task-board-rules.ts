import type { TFunction } from 'i18next';
import { describeError, refusalOf } from '../graphql/error-message';
import type { BoardTask, TaskStatus, ValidationCircuit } from './tasks.queries';

/** The board's columns, in reading order: the main flow, then the side states (DEL-4). */
export const COLUMNS: readonly TaskStatus[] = [
  'todo',
  'in_progress',
  'awaiting_validation',
  'done',
  'blocked',
  'escalated',
  'cancelled',
];

export const OPEN_STATUSES: TaskStatus[] = ['todo', 'in_progress', 'awaiting_validation', 'blocked', 'escalated'];
export const CLOSED_STATUSES: TaskStatus[] = ['done', 'cancelled'];

/**
 * Where a task may go from each column, as delegation's board says (services/delegation/src/domain/tasks/task-board.ts).
 * Only used to explain a refusal in French: delegation decides every move, the console never refuses one itself.
 */
const BOARD: Record<TaskStatus, readonly TaskStatus[]> = {
  todo: ['in_progress', 'blocked', 'escalated', 'cancelled'],
  in_progress: ['awaiting_validation', 'done', 'blocked', 'escalated', 'cancelled'],
  awaiting_validation: ['done', 'in_progress', 'escalated'],
  blocked: ['in_progress', 'escalated', 'cancelled'],
  escalated: ['done', 'in_progress', 'cancelled'],
  done: [],
  cancelled: [],
};

export function allowedTargets(status: TaskStatus, circuit: ValidationCircuit): TaskStatus[] {
  return BOARD[status].filter((to) => {
    if (status === 'in_progress' && to === 'awaiting_validation') return circuit === 'referent_review';
    if (status === 'in_progress' && to === 'done') return circuit !== 'referent_review';
    return true;
  });
}

/** Blocking, escalating, sending back and cancelling are kept in the audit trail with their reason. */
export function needsReason(from: TaskStatus, to: TaskStatus): boolean {
  if (to === 'blocked' || to === 'escalated' || to === 'cancelled') return true;
  return from === 'awaiting_validation' && to === 'in_progress';
}

/** Delegation's refusal of a move, in French, with the platform's own wording kept as the detail. */
export function refusalMessage(error: unknown, task: BoardTask, to: TaskStatus, t: TFunction): string {
  const { reason } = refusalOf(error);
  const status = (s: TaskStatus) => t(`tasks.status.${s}`);
  const detail = t('tasks.refusal.detail', { message: describeError(error, t) });
  switch (reason) {
    case 'DELEGATION.ILLEGAL_TRANSITION': {
      const allowed = allowedTargets(task.status, task.validationCircuit);
      if (!allowed.length) return `${t('tasks.refusal.illegalClosed', { from: status(task.status) })} ${detail}`;
      const why =
        task.status === 'in_progress' && to === 'done' && task.validationCircuit === 'referent_review'
          ? ` ${t('tasks.refusal.needsValidation')}`
          : '';
      return `${t('tasks.refusal.illegal', {
        from: status(task.status),
        to: status(to),
        allowed: allowed.map(status).join(', '),
      })}${why} ${detail}`;
    }
    case 'DELEGATION.NOT_VALIDATOR':
      return `${/own task|their referent does/.test(describeError(error, t)) ? t('tasks.refusal.ownTask') : t('tasks.refusal.notValidator')} ${detail}`;
    case 'DELEGATION.STALE_TASK':
      return `${t('tasks.refusal.stale')} ${detail}`;
    case 'DELEGATION.ROLE_NOT_ALLOWED':
      return `${t('tasks.refusal.role')} ${detail}`;
    default:
      if (refusalOf(error).code === 'FORBIDDEN') return `${t('tasks.refusal.forbidden')} ${detail}`;
      return describeError(error, t);
  }
}

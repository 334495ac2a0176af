import type { TaskStatusV1 } from '@msp/contracts';
import type { ValidationCircuit } from '../protocols/protocol';
import { DelegationError, DelegationErrorCode } from '../delegation-error';

export type TaskStatus = TaskStatusV1;

/** What a move between two columns means; who may make it is the application's concern. */
export type TaskMove =
  | 'start'
  | 'submit'
  | 'complete'
  | 'validate'
  | 'send_back'
  | 'block'
  | 'unblock'
  | 'escalate'
  | 'resolve'
  | 'return_to_delegate'
  | 'cancel';

/** Moves a person makes that need a reason, kept in the audit trail. */
export const MOVES_NEEDING_A_REASON: ReadonlySet<TaskMove> = new Set(['send_back', 'block', 'escalate', 'cancel']);

/** Moves that finish the delegate's work: the protocol's alert thresholds are checked on them. */
export const FINISHING_MOVES: ReadonlySet<TaskMove> = new Set(['submit', 'complete']);

export const TASK_STATUSES_LIST: readonly TaskStatus[] = [
  'todo',
  'in_progress',
  'awaiting_validation',
  'done',
  'blocked',
  'escalated',
  'cancelled',
];

export const OPEN_STATUSES: readonly TaskStatus[] = [
  'todo',
  'in_progress',
  'awaiting_validation',
  'blocked',
  'escalated',
];

/**
 * The board (DEL-4): to do → in progress → awaiting validation → done, plus blocked, escalated and cancelled. A task
 * under referent review reaches done only through validation; the others are completed by the delegate.
 */
const BOARD: Record<TaskStatus, Partial<Record<TaskStatus, TaskMove>>> = {
  todo: { in_progress: 'start', blocked: 'block', escalated: 'escalate', cancelled: 'cancel' },
  in_progress: {
    awaiting_validation: 'submit',
    done: 'complete',
    blocked: 'block',
    escalated: 'escalate',
    cancelled: 'cancel',
  },
  awaiting_validation: { done: 'validate', in_progress: 'send_back', escalated: 'escalate' },
  blocked: { in_progress: 'unblock', escalated: 'escalate', cancelled: 'cancel' },
  escalated: { done: 'resolve', in_progress: 'return_to_delegate', cancelled: 'cancel' },
  done: {},
  cancelled: {},
};

/** The columns a task may move to from `status`, under its validation circuit. */
export function allowedTargets(status: TaskStatus, circuit: ValidationCircuit): TaskStatus[] {
  return (Object.keys(BOARD[status]) as TaskStatus[]).filter((to) => {
    const move = BOARD[status][to];
    if (move === 'submit') return circuit === 'referent_review';
    if (move === 'complete') return circuit !== 'referent_review';
    return true;
  });
}

const LABELS: Record<TaskStatus, string> = {
  todo: 'to do',
  in_progress: 'in progress',
  awaiting_validation: 'awaiting validation',
  done: 'done',
  blocked: 'blocked',
  escalated: 'escalated',
  cancelled: 'cancelled',
};

export function statusLabel(status: TaskStatus): string {
  return LABELS[status];
}

/** The move from `from` to `to`, or a refusal that lists where the task may go. */
export function moveBetween(
  from: TaskStatus,
  to: TaskStatus,
  circuit: ValidationCircuit,
  field = 'input.to',
): TaskMove {
  const allowed = allowedTargets(from, circuit);
  const move = BOARD[from][to];
  if (move && allowed.includes(to)) return move;
  const why =
    from === 'in_progress' && to === 'done' && circuit === 'referent_review'
      ? ' (its protocol requires the referent’s validation: submit it)'
      : '';
  throw new DelegationError(
    DelegationErrorCode.IllegalTransition,
    `${field}: a task ${LABELS[from]} cannot move to ${LABELS[to]}${why}; allowed: ${
      allowed.length ? allowed.map((s) => LABELS[s]).join(', ') : 'none (the task is closed)'
    }`,
    field,
  );
}

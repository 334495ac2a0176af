/** The board's columns (DEL-4). */
export const TASK_STATUSES = [
  'todo',
  'in_progress',
  'awaiting_validation',
  'done',
  'blocked',
  'escalated',
  'cancelled',
] as const;
export type TaskStatusV1 = (typeof TASK_STATUSES)[number];

/** Where a task came from: a person, or another service's fact (one task per source). */
export const TASK_ORIGINS = ['person', 'call_message', 'meeting_action_item', 'appointment_follow_up'] as const;
export type TaskOriginV1 = (typeof TASK_ORIGINS)[number];

/** How a protocol's tasks are checked by the medical referent (DEL-2). */
export const VALIDATION_CIRCUITS = ['none', 'referent_review', 'weekly_review'] as const;
export type ValidationCircuitV1 = (typeof VALIDATION_CIRCUITS)[number];

/** Why a task went back to a physician (DEL-5). */
export const ESCALATION_REASONS = ['threshold', 'deadline', 'requested', 'target_absent'] as const;
export type EscalationReasonV1 = (typeof ESCALATION_REASONS)[number];

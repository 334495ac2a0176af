/** DEL-1: the two families of delegable work the seeds distinguish. */
export const TASK_CATEGORIES = ['administrative', 'medico_administrative'] as const;
export type TaskCategory = (typeof TASK_CATEGORIES)[number];

/** A kind of delegable work with the minutes a physician would spend on it (the unit of time freed). */
export interface TaskType {
  /** Stable code, shared with other services (`phone_callback`). */
  code: string;
  /** French label, as the team reads it. */
  label: string;
  category: TaskCategory;
  standardMinutes: number;
  /** Who may do it when no protocol says otherwise. */
  defaultRoles: string[];
  /** A structure may stop offering a type; tasks already made of it keep it. */
  active: boolean;
}

export const TASK_TYPE_CODE = /^[a-z][a-z0-9_]{1,63}$/;

/** Minutes are per occurrence; a day's worth is the ceiling a single task can stand for. */
export const MAX_STANDARD_MINUTES = 1_440;

export function taskTypeProblems(type: Pick<TaskType, 'code' | 'label' | 'standardMinutes'>): Map<string, string> {
  const problems = new Map<string, string>();
  if (!TASK_TYPE_CODE.test(type.code))
    problems.set('code', 'must be 2 to 64 lowercase letters, digits or underscores, starting with a letter');
  if (type.label.trim().length === 0 || type.label.length > 120) problems.set('label', 'must be 1 to 120 characters');
  if (
    !Number.isInteger(type.standardMinutes) ||
    type.standardMinutes < 0 ||
    type.standardMinutes > MAX_STANDARD_MINUTES
  )
    problems.set('standardMinutes', `must be a whole number of minutes between 0 and ${MAX_STANDARD_MINUTES}`);
  return problems;
}

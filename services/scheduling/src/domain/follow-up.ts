import { SchedulingError } from './scheduling-error';

/** How far ahead a practitioner may ask for an exam's result when completing an appointment. */
export const FOLLOW_UP_MAX_DAYS = 366;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The result is awaited after the consultation, and within the next 366 days: later is a typing mistake. */
export function assertFollowUpDue(dueBy: Date, completedAt: Date, field: string): void {
  const ahead = dueBy.getTime() - completedAt.getTime();
  if (ahead <= 0) throw SchedulingError.invalid(field, `must be after the completion (${completedAt.toISOString()})`);
  if (ahead > FOLLOW_UP_MAX_DAYS * DAY_MS)
    throw SchedulingError.invalid(field, `must be at most ${FOLLOW_UP_MAX_DAYS} days after the completion`);
}

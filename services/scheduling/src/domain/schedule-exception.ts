import type { Interval } from './interval';
import { SchedulingError } from './scheduling-error';

export const EXCEPTION_KINDS = ['absence', 'holiday', 'training', 'blocked'] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

/** Time taken out of a practitioner's opening ranges, at every site: an absence, holidays, a training, a blocked range. */
export interface ScheduleException extends Interval {
  id: string;
  structureId: string;
  practitionerId: string;
  kind: ExceptionKind;
}

const MAX_DAYS = 366;

export function createScheduleException(draft: ScheduleException, prefix = 'input'): ScheduleException {
  if (!(EXCEPTION_KINDS as readonly string[]).includes(draft.kind))
    throw SchedulingError.invalid(`${prefix}.kind`, `must be one of ${EXCEPTION_KINDS.join(', ')}`);
  if (Number.isNaN(draft.start.getTime()))
    throw SchedulingError.invalid(`${prefix}.startsAt`, 'is not a valid instant');
  if (Number.isNaN(draft.end.getTime())) throw SchedulingError.invalid(`${prefix}.endsAt`, 'is not a valid instant');
  if (draft.end.getTime() <= draft.start.getTime())
    throw SchedulingError.invalid(`${prefix}.endsAt`, 'must be after startsAt');
  if (draft.end.getTime() - draft.start.getTime() > MAX_DAYS * 86_400_000)
    throw SchedulingError.invalid(`${prefix}.endsAt`, `must be at most ${MAX_DAYS} days after startsAt`);
  return { ...draft };
}

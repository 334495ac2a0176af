import type { Interval } from './interval';
import { addDays, assertLocalDate, type LocalDate } from './local-date';
import { createOpeningRange, type OpeningRange, type OpeningRangeDraft } from './opening-range';
import { occurrenceCovering } from './range-occurrences';
import { occurrenceDates } from './recurrence';
import { SchedulingError } from './scheduling-error';

/** What an edit may change of a range, from a date on; what is not given stays as it was. */
export type OpeningRangeEdits = {
  [K in 'recurrence' | 'weekdays' | 'startTime' | 'endTime' | 'motifIds' | 'snpShare' | 'snpRelease']?:
    OpeningRangeDraft[K] | null;
};

/**
 * A range ended from `from` (the first local day without it): `ended` is the range as it stays, its last day the day
 * before (null: it had not begun and is withdrawn). A range that has begun is never rewritten, so the past (and the
 * indicators counting it) keeps the hours that were open.
 */
export interface RangeEndPlan {
  ended: OpeningRange | null;
  /** First local day without the range (its first day when withdrawn). */
  from: LocalDate;
}

/**
 * A range edited from `from`: `next` is the range from then on; `ended` the previous one as it stays, its last day the
 * day before, when it had begun (`next` then continues it under a new id); null when it had not (`next` rewrites it in
 * place, same id).
 */
export interface RangeEditPlan {
  ended: OpeningRange | null;
  next: OpeningRange;
  /** First local day of the new definition. */
  from: LocalDate;
}

/** `from` is a local date of the site, today or later: a change never rewrites days already past. */
function assertChangeDate(range: OpeningRange, from: string, today: LocalDate): LocalDate {
  const date = assertLocalDate(from, 'input.from');
  if (date < today) throw SchedulingError.invalid('input.from', `must be today (${today}) or later`);
  if (range.validUntil && date > range.validUntil)
    throw SchedulingError.invalid('input.from', `is after the range's last day ${range.validUntil}`);
  return date;
}

/** Ends a range from `from` on (the range's last day becomes the day before); before it begins, withdraws it. */
export function planRangeEnd(range: OpeningRange, from: string, today: LocalDate): RangeEndPlan {
  const date = assertChangeDate(range, from, today);
  if (date <= range.validFrom) return { ended: null, from: range.validFrom };
  return { ended: { ...range, validUntil: addDays(date, -1) }, from: date };
}

/**
 * Edits a range from `from` on. A range not begun by then is rewritten in place; one that has is ended the day before
 * and continued by `nextId` until its own last day. When the days are not edited, the continuation is anchored on the
 * first day the range occurred on from `from`, so that "every other Friday" keeps its Fridays.
 */
export function planRangeEdit(
  range: OpeningRange,
  edits: OpeningRangeEdits,
  from: string,
  today: LocalDate,
  nextId: string,
): RangeEditPlan {
  const date = assertChangeDate(range, from, today);
  const newDays = Boolean(edits.recurrence?.trim() || edits.weekdays?.length);
  const changed =
    newDays ||
    (['startTime', 'endTime', 'motifIds', 'snpShare', 'snpRelease'] as const).some(
      (key) => edits[key] !== undefined && edits[key] !== null,
    );
  if (!changed) throw SchedulingError.invalid('input', 'gives nothing to change');
  const draft: OpeningRangeDraft = {
    id: range.id,
    structureId: range.structureId,
    practitionerId: range.practitionerId,
    siteId: range.siteId,
    recurrence: newDays ? (edits.recurrence ?? null) : range.recurrence,
    weekdays: newDays ? (edits.weekdays ?? null) : null,
    startTime: edits.startTime ?? range.startTime,
    endTime: edits.endTime ?? range.endTime,
    validFrom: range.validFrom,
    validUntil: range.validUntil,
    motifIds: edits.motifIds ?? range.motifIds,
    snpShare: edits.snpShare ?? range.snpShare,
    snpRelease: edits.snpRelease ?? range.snpRelease,
  };
  if (date <= range.validFrom) {
    const next = { ...createOpeningRange(draft), version: range.version, replaces: range.replaces ?? null };
    return { ended: null, next, from: range.validFrom };
  }
  let validFrom = date;
  if (!newDays) {
    const [first] = occurrenceDates(range.recurrence, range.validFrom, date, range.validUntil ?? addDays(date, 800));
    if (!first) throw SchedulingError.invalid('input.from', 'the range has no day left from this date to edit');
    validFrom = first;
  }
  const next = { ...createOpeningRange({ ...draft, id: nextId, validFrom }), replaces: range.id };
  return { ended: { ...range, validUntil: addDays(date, -1) }, next, from: date };
}

export interface PlacedAppointment extends Interval {
  id: string;
  motifId: string;
}

/**
 * The appointments no occurrence of `ranges` (the practitioner's ranges at that site, as they are after a change) holds
 * whole for their motif: what a change left outside the opening ranges.
 */
export function appointmentsOutside<T extends PlacedAppointment>(
  appointments: readonly T[],
  ranges: readonly OpeningRange[],
  zone: string,
): T[] {
  return appointments.filter((a) => !occurrenceCovering(ranges, zone, a, a.motifId));
}

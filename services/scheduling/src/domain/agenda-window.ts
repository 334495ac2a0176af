import { DateTime } from 'luxon';
import type { Interval } from './interval';
import { addDays, assertLocalDate, type LocalDate } from './local-date';
import { atWallTime } from './zoned-time';

/** The local dates a view covers, both included. */
export interface LocalDateSpan {
  from: LocalDate;
  to: LocalDate;
}

export function daySpan(date: string, field: string): LocalDateSpan {
  const day = assertLocalDate(date, field);
  return { from: day, to: day };
}

/** The ISO week (Monday to Sunday) holding `date`. */
export function weekSpan(date: string, field: string): LocalDateSpan {
  const monday = DateTime.fromISO(assertLocalDate(date, field), { zone: 'utc' })
    .startOf('week')
    .toISODate() as LocalDate;
  return { from: monday, to: addDays(monday, 6) };
}

/**
 * The instants a span of local dates covers in a zone: from the first day's local midnight to the midnight after the
 * last day. A day is 23 or 25 hours long on DST changes, never a fixed 24.
 */
export function spanWindow(span: LocalDateSpan, zone: string): Interval {
  const midnight = { hour: 0, minute: 0 };
  return { start: atWallTime(span.from, midnight, zone), end: atWallTime(addDays(span.to, 1), midnight, zone) };
}

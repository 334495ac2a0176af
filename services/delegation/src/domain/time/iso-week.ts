import { DateTime } from 'luxon';
import { DelegationError } from '../delegation-error';

/** Time freed is counted per ISO week of the practice's clock. */
export const REVIEW_ZONE = 'Europe/Paris';

/** `2026-W49`: the ISO week `instant` falls in, in Europe/Paris (a Sunday 23:30 UTC is already Monday there). */
export function isoWeekOf(instant: Date, zone = REVIEW_ZONE): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("kkkk-'W'WW");
}

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** The instants an ISO week spans in `zone`, or null when `week` is not one (`2026-W54`). */
export function isoWeekBounds(week: string, zone = REVIEW_ZONE): { from: Date; to: Date } | null {
  const match = ISO_WEEK.exec(week);
  if (!match) return null;
  const start = DateTime.fromObject({ weekYear: Number(match[1]), weekNumber: Number(match[2]), weekday: 1 }, { zone });
  if (!start.isValid || start.weekNumber !== Number(match[2])) return null;
  return { from: start.toJSDate(), to: start.plus({ weeks: 1 }).toJSDate() };
}

const MAX_WEEKS = 53;

/** The ISO weeks from `from` to `to` included, at most a year's worth; refusals name `fromWeek` or `toWeek`. */
export function isoWeeksBetween(from: string, to: string): string[] {
  const start = isoWeekBounds(from);
  if (!start) throw DelegationError.invalid('fromWeek', 'must be an ISO week such as 2026-W49');
  const end = isoWeekBounds(to);
  if (!end) throw DelegationError.invalid('toWeek', 'must be an ISO week such as 2026-W49');
  if (end.from < start.from) throw DelegationError.invalid('toWeek', 'must not be before fromWeek');
  const weeks: string[] = [];
  let day = DateTime.fromJSDate(start.from, { zone: REVIEW_ZONE });
  while (day.toJSDate() <= end.from) {
    weeks.push(isoWeekOf(day.toJSDate()));
    if (weeks.length > MAX_WEEKS) throw DelegationError.invalid('toWeek', `at most ${MAX_WEEKS} weeks at once`);
    day = day.plus({ weeks: 1 });
  }
  return weeks;
}

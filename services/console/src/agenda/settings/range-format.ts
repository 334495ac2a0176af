import type { OpeningRange } from './agenda-settings.queries';

const CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** A range's days as the form edits them: ISO weekdays and every how many weeks; null when the rule says more. */
export interface WeeklyDays {
  weekdays: number[];
  intervalWeeks: number;
}

function parts(recurrence: string): Map<string, string> {
  return new Map(
    recurrence
      .replace(/^RRULE:/i, '')
      .split(';')
      .map((part) => part.split('=') as [string, string]),
  );
}

/**
 * "FREQ=WEEKLY;BYDAY=MO,TH" → Monday and Thursday every week; "…;INTERVAL=2" every other week. A rule the form cannot
 * show (monthly, a count, a position in the month) answers null: it is described in words and kept unless replaced.
 */
export function weeklyDaysOf(recurrence: string): WeeklyDays | null {
  const rule = parts(recurrence.toUpperCase());
  if (rule.get('FREQ') !== 'WEEKLY') return null;
  if ([...rule.keys()].some((key) => !['FREQ', 'BYDAY', 'INTERVAL', 'WKST'].includes(key))) return null;
  const days = (rule.get('BYDAY') ?? '').split(',').filter(Boolean);
  const weekdays = days.map((day) => CODES.indexOf(day as (typeof CODES)[number]) + 1);
  if (!weekdays.length || weekdays.some((day) => day < 1)) return null;
  const intervalWeeks = Number(rule.get('INTERVAL') ?? '1');
  return {
    weekdays: [...new Set(weekdays)].sort(),
    intervalWeeks: Number.isInteger(intervalWeeks) ? intervalWeeks : 1,
  };
}

/** The rule scheduling stores for weekdays every N weeks: weekdays alone when every week. */
export function recurrenceOf(days: WeeklyDays): { weekdays: number[] | null; recurrence: string | null } {
  const sorted = [...new Set(days.weekdays)].sort();
  if (days.intervalWeeks <= 1) return { weekdays: sorted, recurrence: null };
  return {
    weekdays: null,
    recurrence: `FREQ=WEEKLY;INTERVAL=${days.intervalWeeks};BYDAY=${sorted.map((day) => CODES[day - 1]).join(',')}`,
  };
}

/** A range is in force on `today` or later (an ended one is kept for the past's sake). */
export function isCurrentOrFuture(range: Pick<OpeningRange, 'validUntil'>, today: string): boolean {
  return range.validUntil === null || range.validUntil >= today;
}

/** Ranges in the order a week reads: first weekday, then start time. */
export function byWeekAndTime(a: OpeningRange, b: OpeningRange): number {
  const first = (range: OpeningRange) => weeklyDaysOf(range.recurrence)?.weekdays[0] ?? 8;
  return first(a) - first(b) || a.startTime.localeCompare(b.startTime) || a.validFrom.localeCompare(b.validFrom);
}

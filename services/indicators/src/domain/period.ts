import { DateTime } from 'luxon';
import { IndicatorsError } from './indicators-error';

/**
 * A calendar month (`2026-11`) or ISO week (`2026-W48`) — or, for imported and declared values, a quarter (`2026-T1`)
 * or a year (`2026`) — as local dates: a fact belongs to it by its site's zone.
 */
export interface Period {
  kind: 'month' | 'week' | 'quarter' | 'year';
  code: string;
  /** Inclusive local dates YYYY-MM-DD. */
  start: string;
  end: string;
  days: number;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const WEEK = /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/;
/** As imports name them (docs/indicators-import.md): "T" for trimestre. */
const QUARTER_OR_YEAR = /^(\d{4})(?:-T([1-4]))?$/;

/** Parses a period code; `field` names the argument at fault. */
export function parsePeriod(code: string, field: string): Period {
  const month = MONTH.exec(code);
  if (month) {
    const first = DateTime.fromObject({ year: Number(month[1]), month: Number(month[2]), day: 1 }, { zone: 'utc' });
    return periodOf('month', code, first, first.endOf('month'));
  }
  const week = WEEK.exec(code);
  if (week) {
    const monday = DateTime.fromObject(
      { weekYear: Number(week[1]), weekNumber: Number(week[2]), weekday: 1 },
      { zone: 'utc' },
    );
    if (!monday.isValid || monday.weekYear !== Number(week[1]))
      throw IndicatorsError.invalid(field, `${code} is not a week of ${week[1]}`);
    return periodOf('week', code, monday, monday.plus({ days: 6 }));
  }
  const quarterOrYear = QUARTER_OR_YEAR.exec(code);
  if (quarterOrYear) {
    const year = Number(quarterOrYear[1]);
    const quarter = quarterOrYear[2] ? Number(quarterOrYear[2]) : null;
    const first = DateTime.fromObject({ year, month: quarter ? quarter * 3 - 2 : 1, day: 1 }, { zone: 'utc' });
    return quarter
      ? periodOf('quarter', code, first, first.plus({ months: 2 }).endOf('month'))
      : periodOf('year', code, first, first.endOf('year'));
  }
  throw IndicatorsError.invalid(
    field,
    `"${code.slice(0, 32)}" is neither a month (2026-11) nor an ISO week (2026-W48), a quarter (2026-T1) or a year (2026)`,
  );
}

/** Parses an ISO week only (the time freed is a weekly figure). */
export function parseWeek(code: string, field: string): Period {
  const period = parsePeriod(code, field);
  if (period.kind !== 'week') throw IndicatorsError.invalid(field, `expected an ISO week such as 2026-W48`);
  return period;
}

/** The longest history read at once: three years of months. */
export const MAX_HISTORY_MONTHS = 36;

/** The months from `from` to `to` (`YYYY-MM`, both included), in order; a history of at most 36 months. */
export function monthsBetween(from: string, to: string): Period[] {
  const first = parsePeriod(from, 'from');
  const last = parsePeriod(to, 'to');
  if (first.kind !== 'month') throw IndicatorsError.invalid('from', 'expected a month such as 2026-01');
  if (last.kind !== 'month') throw IndicatorsError.invalid('to', 'expected a month such as 2026-12');
  if (last.start < first.start) throw IndicatorsError.invalid('to', `${to} is before ${from}`);
  const start = DateTime.fromISO(first.start, { zone: 'utc' });
  const count = Math.round(DateTime.fromISO(last.start, { zone: 'utc' }).diff(start, 'months').months) + 1;
  if (count > MAX_HISTORY_MONTHS)
    throw IndicatorsError.invalid('to', `${count} months asked, at most ${MAX_HISTORY_MONTHS} at once`);
  return Array.from({ length: count }, (_, i) => parsePeriod(start.plus({ months: i }).toFormat('yyyy-MM'), 'from'));
}

/** The local date (YYYY-MM-DD) of an instant in an IANA zone: "today" where the structure is. */
export function localDateOf(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate() as string;
}

/** The month (`YYYY-MM`) a local date belongs to: the period whose values a new fact may change. */
export const monthOf = (localDate: string): string => localDate.slice(0, 7);

function periodOf(kind: Period['kind'], code: string, first: DateTime, last: DateTime): Period {
  return {
    kind,
    code,
    start: first.toISODate() as string,
    end: last.toISODate() as string,
    days: Math.round(last.startOf('day').diff(first.startOf('day'), 'days').days) + 1,
  };
}

import { DateTime } from 'luxon';
import { SchedulingError } from './scheduling-error';

/** A calendar date without a zone, "YYYY-MM-DD"; it means a day in the site's own time zone. */
export type LocalDate = string;

export function assertLocalDate(value: string, field: string): LocalDate {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !DateTime.fromISO(value, { zone: 'utc' }).isValid) {
    throw SchedulingError.invalid(field, `"${value}" is not a date YYYY-MM-DD`);
  }
  return value;
}

/** The local date of an instant in a zone. */
export function localDateOf(instant: Date, zone: string): LocalDate {
  return DateTime.fromJSDate(instant, { zone }).toISODate() as LocalDate;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate() as LocalDate;
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days;
}

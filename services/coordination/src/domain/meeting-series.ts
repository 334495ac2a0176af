import { DateTime } from 'luxon';
import { RRule } from 'rrule';
import { CoordinationError } from './coordination-error';

/**
 * A series' RRULE chooses dates only ("FREQ=MONTHLY;BYDAY=1TU": the first Tuesday of each month); its local start time
 * and the structure's zone make instants afterwards. Without BYHOUR/BYMINUTE and with DAILY at the most frequent, a
 * rule cannot yield two meetings on one day.
 */
const ALLOWED_PARTS = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'WKST', 'COUNT']);
const ALLOWED_FREQUENCIES = new Set(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);
const DAY = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;

export type LocalDate = string;

/** Validates and normalises a rule (the "RRULE:" prefix is optional), naming `field` in every refusal. */
export function normaliseSeriesRule(rule: string, field = 'input.rrule'): string {
  const body = rule
    .trim()
    .replace(/^RRULE:/i, '')
    .toUpperCase();
  if (!body) throw CoordinationError.invalid(field, 'must be an RRULE such as FREQ=MONTHLY;BYDAY=1TU');
  const parts = body.split(';').map((part) => part.split('='));
  for (const [key, value] of parts) {
    if (!ALLOWED_PARTS.has(key))
      throw CoordinationError.invalid(
        field,
        `${key} is not allowed (the time, start and end are separate fields): use ${[...ALLOWED_PARTS].join(', ')}`,
      );
    if (!value) throw CoordinationError.invalid(field, `${key} has no value`);
    if (key === 'BYDAY' && !value.split(',').every((day) => DAY.test(day)))
      throw CoordinationError.invalid(field, `BYDAY=${value} is not a list of MO…SU (1TU for the first Tuesday)`);
    if (['INTERVAL', 'COUNT'].includes(key) && !/^[1-9]\d{0,3}$/.test(value))
      throw CoordinationError.invalid(field, `${key} must be a positive number`);
  }
  const freq = parts.find(([key]) => key === 'FREQ')?.[1];
  if (!freq || !ALLOWED_FREQUENCIES.has(freq))
    throw CoordinationError.invalid(field, 'FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY: at most one meeting a day');
  try {
    RRule.parseString(body);
  } catch (error) {
    throw CoordinationError.invalid(field, (error as Error).message);
  }
  return body;
}

/** A local date stands as midnight UTC: rrule then works on dates, with no offset in the computation. */
const floating = (date: LocalDate): Date => DateTime.fromISO(date, { zone: 'utc' }).toJSDate();

/** The local dates in [from, to] (inclusive) of a rule whose first possible day is `startsOn`. */
export function seriesDates(rule: string, startsOn: LocalDate, from: LocalDate, to: LocalDate): LocalDate[] {
  const start = from > startsOn ? from : startsOn;
  if (start > to) return [];
  const recurrence = new RRule({ ...RRule.parseString(rule), dtstart: floating(startsOn) });
  return recurrence
    .between(floating(start), floating(to), true)
    .map((d) => DateTime.fromJSDate(d, { zone: 'utc' }).toISODate() as LocalDate);
}

/**
 * The series' first date, within two years of its start and by its end: a rule that never meets is a mistake
 * (BYMONTHDAY=30;BYMONTH=2, or an end before the first date).
 */
export function firstSeriesDate(
  rule: string,
  startsOn: LocalDate,
  endsOn: LocalDate | null,
  field = 'input.rrule',
): LocalDate {
  const twoYears = DateTime.fromISO(startsOn, { zone: 'utc' }).plus({ years: 2 }).toISODate() as LocalDate;
  const last = endsOn && endsOn < twoYears ? endsOn : twoYears;
  const [first] = seriesDates(rule, startsOn, startsOn, last);
  if (!first) throw CoordinationError.invalid(field, 'the rule gives no meeting between startsOn and endsOn');
  return first;
}

export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
}

/**
 * The instant of each date at the series' wall-clock start in its zone (12:30 stays 12:30 across DST changes), lasting
 * `durationMinutes`. A start that falls in a spring gap moves forward with the clock, as a wall clock does.
 */
export function occurrencesOn(
  dates: readonly LocalDate[],
  localStart: string,
  durationMinutes: number,
  timeZone: string,
): Occurrence[] {
  const [hour, minute] = localStart.split(':').map(Number);
  return dates.map((date) => {
    const startsAt = DateTime.fromISO(date, { zone: timeZone }).set({ hour, minute }).toJSDate();
    return { startsAt, endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000) };
  });
}

/** The local date of an instant in a zone. */
export const localDateOf = (instant: Date, timeZone: string): LocalDate =>
  DateTime.fromJSDate(instant, { zone: timeZone }).toISODate() as LocalDate;

/** "2026-12-01", a real calendar date; refused with the field's name otherwise. */
export function checkLocalDate(value: string, field: string): LocalDate {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !DateTime.fromISO(value, { zone: 'utc' }).isValid)
    throw CoordinationError.invalid(field, 'must be a date YYYY-MM-DD');
  return value;
}

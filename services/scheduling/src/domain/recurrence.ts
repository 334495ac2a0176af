import { RRule } from 'rrule';
import { SchedulingError } from './scheduling-error';

/**
 * The days on which an opening range repeats, as an iCalendar RRULE ("FREQ=WEEKLY;BYDAY=MO,TH", "FREQ=WEEKLY;INTERVAL=2;
 * BYDAY=FR"). It only chooses dates: the time of day and the zone belong to the range. Dates are expanded "floating"
 * (each local date stands as midnight UTC), so no offset ever enters the computation; Luxon turns date + wall time +
 * zone into instants afterwards.
 */
const ALLOWED_PARTS = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'WKST', 'COUNT']);
const ALLOWED_FREQUENCIES = new Set(['DAILY', 'WEEKLY', 'MONTHLY']);
const DAY = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;
const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** Validates and normalises an RRULE (the "RRULE:" prefix is optional); refuses times, DTSTART and UNTIL. */
export function normaliseRecurrence(rule: string, field: string): string {
  const body = rule
    .trim()
    .replace(/^RRULE:/i, '')
    .toUpperCase();
  if (!body) throw SchedulingError.invalid(field, 'must be an RRULE such as FREQ=WEEKLY;BYDAY=MO,TU');
  const parts = body.split(';').map((part) => part.split('='));
  for (const [key, value] of parts) {
    if (!ALLOWED_PARTS.has(key)) {
      throw SchedulingError.invalid(
        field,
        `${key} is not allowed here (times and dates are separate fields): use ${[...ALLOWED_PARTS].join(', ')}`,
      );
    }
    if (!value) throw SchedulingError.invalid(field, `${key} has no value`);
    if (key === 'BYDAY' && !value.split(',').every((day) => DAY.test(day)))
      throw SchedulingError.invalid(field, `BYDAY=${value} is not a list of MO…SU`);
    if (['INTERVAL', 'COUNT'].includes(key) && !/^[1-9]\d{0,3}$/.test(value))
      throw SchedulingError.invalid(field, `${key} must be a positive number`);
  }
  const freq = parts.find(([key]) => key === 'FREQ')?.[1];
  if (!freq || !ALLOWED_FREQUENCIES.has(freq))
    throw SchedulingError.invalid(field, 'FREQ must be DAILY, WEEKLY or MONTHLY');
  try {
    RRule.parseString(body);
  } catch (error) {
    throw SchedulingError.invalid(field, (error as Error).message);
  }
  return body;
}

/** "FREQ=WEEKLY;BYDAY=…" from ISO weekdays (1 = Monday … 7 = Sunday). */
export function weeklyRecurrence(weekdays: readonly number[], field: string): string {
  if (!weekdays.length) throw SchedulingError.invalid(field, 'must list at least one weekday');
  for (const day of weekdays)
    if (!Number.isInteger(day) || day < 1 || day > 7)
      throw SchedulingError.invalid(field, 'weekdays are 1 (Monday) to 7 (Sunday)');
  const days = [...new Set(weekdays)].sort((a, b) => a - b).map((day) => WEEKDAY_CODES[day - 1]);
  return `FREQ=WEEKLY;BYDAY=${days.join(',')}`;
}

/** Expanding a rule into dates is shared with the services that read ranges from events (`@msp/calendar`). */
export { occurrenceDates } from '@msp/calendar';

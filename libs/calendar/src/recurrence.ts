import { DateTime } from 'luxon';
import { Frequency, RRule, type Options } from 'rrule';
import type { LocalDate } from './local-date';

/**
 * Dates of an iCalendar RRULE ("FREQ=WEEKLY;BYDAY=MO,TH", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR") as scheduling's opening
 * ranges carry it (scheduling validates and normalises the rule; this expands a valid one). It only chooses dates: the
 * time of day and the zone belong to the range. Dates are expanded "floating" (each local date stands as midnight UTC),
 * so no offset ever enters the computation; `atWallTime` turns date + wall time + zone into instants afterwards.
 */
const PERIOD_DAYS: Partial<Record<Frequency, number>> = { [RRule.DAILY]: 1, [RRule.WEEKLY]: 7 };

/**
 * rrule expands from DTSTART on, so a range opened a year ago would cost a year of iterations at every slot search and
 * booking. A daily or weekly rule without COUNT repeats identically every INTERVAL periods: moving the anchor forward
 * by whole periods, to the last one before the window, gives the same dates. Monthly rules (a 31st skips short months)
 * and COUNT (counted from the real anchor) keep their anchor.
 */
function fastForward(options: Partial<Options>, anchor: LocalDate, start: LocalDate): LocalDate {
  const periodDays = options.freq === undefined ? undefined : PERIOD_DAYS[options.freq];
  if (!periodDays || options.count) return anchor;
  const step = periodDays * (options.interval ?? 1);
  // Local dates as UTC midnights: whole days apart, no zone involved.
  const gap = (Date.parse(start) - Date.parse(anchor)) / 86_400_000;
  const periods = Math.floor(gap / step);
  return periods > 0
    ? (new Date(Date.parse(anchor) + periods * step * 86_400_000).toISOString().slice(0, 10) as LocalDate)
    : anchor;
}

const floating = (date: LocalDate): Date => DateTime.fromISO(date, { zone: 'utc' }).toJSDate();

/** The local dates in [from, to] (inclusive) on which a rule anchored at `anchor` (its first possible day) falls. */
export function occurrenceDates(rule: string, anchor: LocalDate, from: LocalDate, to: LocalDate): LocalDate[] {
  const start = from > anchor ? from : anchor;
  if (start > to) return [];
  const options = RRule.parseString(rule);
  const recurrence = new RRule({ ...options, dtstart: floating(fastForward(options, anchor, start)) });
  return recurrence
    .between(floating(start), floating(to), true)
    .map((d) => DateTime.fromJSDate(d, { zone: 'utc' }).toISODate() as LocalDate);
}

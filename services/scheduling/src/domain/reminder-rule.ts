import { DateTime } from 'luxon';
import { addDays, localDateOf } from './local-date';
import { SchedulingError } from './scheduling-error';
import { parseWallTime, type WallTime } from './wall-time';
import { atWallTime } from './zoned-time';

/**
 * When a reminder goes out, relative to the appointment, in the site's zone:
 * - `J-1`: the day before at the appointment's own wall time (10:00 → 10:00 the day before, whatever DST did overnight);
 * - `J-1@18:00`: the day before at 18:00 site time;
 * - `H-2`: two hours of elapsed time before.
 */
export type ReminderRule =
  { code: string; kind: 'days'; days: number; at: WallTime | null } | { code: string; kind: 'hours'; hours: number };

const RULE = /^(?:([JD])-(\d{1,2})(?:@(\d{2}:\d{2}))?|H-(\d{1,3}))$/;

export function parseReminderRule(text: string, field = 'reminderRules'): ReminderRule {
  const code = text.trim().toUpperCase();
  const match = RULE.exec(code);
  if (!match) throw SchedulingError.invalid(field, `"${text}" is not a reminder rule such as J-1, J-1@18:00 or H-2`);
  if (match[4] !== undefined) {
    const hours = Number(match[4]);
    if (hours < 1 || hours > 168) throw SchedulingError.invalid(field, `${code}: hours run from 1 to 168`);
    return { code, kind: 'hours', hours };
  }
  const days = Number(match[2]);
  if (days < 1 || days > 30) throw SchedulingError.invalid(field, `${code}: days run from 1 to 30`);
  return { code: code.replace(/^D/, 'J'), kind: 'days', days, at: match[3] ? parseWallTime(match[3], field) : null };
}

/** The instant a rule sends its reminder for an appointment starting at `startsAt` at a site in `zone`. */
export function reminderDueAt(rule: ReminderRule, startsAt: Date, zone: string): Date {
  if (rule.kind === 'hours') return new Date(startsAt.getTime() - rule.hours * 3_600_000);
  if (rule.at) return atWallTime(addDays(localDateOf(startsAt, zone), -rule.days), rule.at, zone);
  return DateTime.fromJSDate(startsAt, { zone }).minus({ days: rule.days }).toJSDate();
}

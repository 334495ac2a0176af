import { DateTime } from 'luxon';
import type { LocalDate } from './local-date';
import type { WallTime } from './wall-time';

/**
 * The instant a wall clock in `zone` shows `time` on `date`; Luxon resolves the zone's offset on that very day, so 09:00
 * stays 09:00 across DST changes. A time skipped by a spring-forward change moves forward, as clocks do. 24:00 is the
 * next day's midnight.
 */
export function atWallTime(date: LocalDate, time: WallTime, zone: string): Date {
  const start = DateTime.fromISO(date, { zone: 'utc' });
  const day = time.hour === 24 ? start.plus({ days: 1 }) : start;
  const hour = time.hour === 24 ? 0 : time.hour;
  return DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour, minute: time.minute },
    { zone },
  ).toJSDate();
}

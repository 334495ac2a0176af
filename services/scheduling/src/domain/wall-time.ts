import { wallTimeOf, type WallTime } from '@msp/calendar';
import { SchedulingError } from './scheduling-error';

/** A local wall-clock time of day, "HH:mm" (24:00 allowed as an end of day). */
export type { WallTime } from '@msp/calendar';
export { minutesOfDay } from '@msp/calendar';

export function parseWallTime(value: string, field: string): WallTime {
  const time = wallTimeOf(value);
  if (!time) throw SchedulingError.invalid(field, `"${value}" is not a time HH:mm`);
  return time;
}

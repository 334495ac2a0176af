import { SchedulingError } from './scheduling-error';

/** A local wall-clock time of day, "HH:mm" (24:00 allowed as an end of day). */
export interface WallTime {
  hour: number;
  minute: number;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^(24):(00)$/;

export function parseWallTime(value: string, field: string): WallTime {
  const match = TIME.exec(value);
  if (!match) throw SchedulingError.invalid(field, `"${value}" is not a time HH:mm`);
  return { hour: Number(match[1] ?? match[3]), minute: Number(match[2] ?? match[4]) };
}

export function minutesOfDay(time: WallTime): number {
  return time.hour * 60 + time.minute;
}

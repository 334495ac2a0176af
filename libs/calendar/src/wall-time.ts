/** A local wall-clock time of day, "HH:mm" (24:00 allowed as an end of day). */
export interface WallTime {
  hour: number;
  minute: number;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^(24):(00)$/;

/** The wall time "HH:mm" (or 24:00) stands for, null for any other text: callers say which field was wrong. */
export function wallTimeOf(text: string): WallTime | null {
  const match = TIME.exec(text);
  return match ? { hour: Number(match[1] ?? match[3]), minute: Number(match[2] ?? match[4]) } : null;
}

export function minutesOfDay(time: WallTime): number {
  return time.hour * 60 + time.minute;
}

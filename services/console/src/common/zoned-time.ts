import { DateTime } from 'luxon';

/** Today's date at a site, `YYYY-MM-DD` in its zone (not the browser's). */
export function todayAt(timeZone: string): string {
  return DateTime.now().setZone(timeZone).toISODate() as string;
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date).plus({ days }).toISODate() as string;
}

/** "mar. 2 déc., 09:00" in the site's zone. */
export function slotLabel(startsAt: string, timeZone: string): string {
  return DateTime.fromISO(startsAt, { zone: timeZone }).setLocale('fr').toFormat("ccc d LLL', 'HH:mm");
}

/** The local date at the site of an instant. */
export function dateAt(instant: string | Date, timeZone: string): string {
  const value = typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant);
  return value.setZone(timeZone).toISODate() as string;
}

/** "12/03/1968" from "1968-03-12". */
export function frenchDate(date: string): string {
  return DateTime.fromISO(date).setLocale('fr').toFormat('dd/LL/yyyy');
}

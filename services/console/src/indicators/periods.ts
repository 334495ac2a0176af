import { DateTime } from 'luxon';

/** `YYYY-MM` of today in the structure's zone. */
export function currentMonth(timeZone: string): string {
  return DateTime.now().setZone(timeZone).toFormat('yyyy-LL');
}

export function addMonths(month: string, months: number): string {
  return DateTime.fromFormat(month, 'yyyy-LL').plus({ months }).toFormat('yyyy-LL');
}

/** "novembre 2026". */
export function monthLabel(month: string): string {
  return DateTime.fromFormat(month, 'yyyy-LL').setLocale('fr').toFormat('LLLL yyyy');
}

/** "nov. 26", for a chart's axis. */
export function shortMonthLabel(month: string): string {
  return DateTime.fromFormat(month, 'yyyy-LL').setLocale('fr').toFormat('LLL yy');
}

/** The months one may look at: this one and the eleven before, newest first. */
export function selectableMonths(timeZone: string): string[] {
  const now = currentMonth(timeZone);
  return Array.from({ length: 12 }, (_, i) => addMonths(now, -i));
}

/**
 * The ISO weeks of a month: those whose Thursday falls in it (as ISO numbers weeks), so each week belongs to one month
 * and the time freed of a month is read on whole weeks.
 */
export function isoWeeksOf(month: string): string[] {
  const first = DateTime.fromFormat(month, 'yyyy-LL');
  const weeks: string[] = [];
  let thursday = first.plus({ days: (4 - first.weekday + 7) % 7 });
  while (thursday.month === first.month) {
    weeks.push(thursday.toFormat("kkkk-'W'WW"));
    thursday = thursday.plus({ weeks: 1 });
  }
  return weeks;
}

/** "S45 (2 – 8 nov.)". */
export function weekLabel(week: string): string {
  const monday = DateTime.fromISO(week);
  const sunday = monday.plus({ days: 6 });
  return `S${monday.weekNumber} (${monday.setLocale('fr').toFormat('d')}–${sunday.setLocale('fr').toFormat('d LLL')})`;
}

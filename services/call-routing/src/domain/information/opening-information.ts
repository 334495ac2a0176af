import { DateTime } from 'luxon';
import { publicHolidayOn } from '../calendar/french-holidays';
import type { SiteCalendar } from '../calendar/site-calendar';

/** A site's weekly hours as the directory publishes them (ISO weekday, 1 = Monday; `HH:mm` wall times). */
export interface WeeklyHours {
  weekday: number;
  opens: string;
  closes: string;
}

const DAY_NAMES = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const spoken = (time: string) => time.replace(':', ' h ').replace(/ h 00$/, ' h');

/** « le lundi de 8 h à 12 h et de 14 h à 19 h, le samedi de 8 h à 12 h », in weekday order. */
export function describeHours(hours: readonly WeeklyHours[]): string {
  if (hours.length === 0) return "Les horaires d'ouverture ne sont pas encore renseignés.";
  const byDay = new Map<number, WeeklyHours[]>();
  for (const range of [...hours].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens)))
    byDay.set(range.weekday, [...(byDay.get(range.weekday) ?? []), range]);
  const days = [...byDay.entries()].map(
    ([weekday, ranges]) =>
      `le ${DAY_NAMES[weekday - 1]} ${ranges.map((r) => `de ${spoken(r.opens)} à ${spoken(r.closes)}`).join(' et ')}`,
  );
  return `Le cabinet est ouvert ${days.join(', ')}.`;
}

/**
 * The next time the site opens after `at` (or `at` itself when open now), skipping the public holidays the structure
 * does not work; null when it has no hours or none in the next 14 days.
 */
export function nextOpening(hours: readonly WeeklyHours[], at: Date, calendar: SiteCalendar): DateTime | null {
  const local = DateTime.fromJSDate(at, { zone: calendar.timeZone });
  for (let offset = 0; offset < 14; offset++) {
    const day = local.startOf('day').plus({ days: offset });
    const holiday = publicHolidayOn(day.toISODate() as string, calendar.territory);
    if (holiday && !calendar.workedHolidays.includes(holiday.id)) continue;
    const ranges = hours.filter((h) => h.weekday === day.weekday).sort((a, b) => a.opens.localeCompare(b.opens));
    for (const range of ranges) {
      const [oh, om] = range.opens.split(':').map(Number);
      const [ch, cm] = range.closes.split(':').map(Number);
      const opens = day.set({ hour: oh, minute: om });
      const closes = day.set({ hour: ch, minute: cm });
      if (local < opens) return opens;
      if (local < closes) return local;
    }
  }
  return null;
}

/** « Le cabinet ouvre demain, mardi, à 8 h. » / « Le cabinet est ouvert. » */
export function describeNextOpening(opening: DateTime | null, at: Date, timeZone: string): string {
  if (!opening) return "Le cabinet n'a pas d'ouverture prévue dans les deux prochaines semaines.";
  const now = DateTime.fromJSDate(at, { zone: timeZone });
  if (opening <= now.plus({ minutes: 1 })) return 'Le cabinet est ouvert en ce moment.';
  const days = opening.startOf('day').diff(now.startOf('day'), 'days').days;
  const when =
    days === 0
      ? "aujourd'hui"
      : days === 1
        ? `demain, ${DAY_NAMES[opening.weekday - 1]},`
        : `${DAY_NAMES[opening.weekday - 1]} ${opening.day}${opening.day === 1 ? 'er' : ''}`;
  return `Le cabinet ouvre ${when} à ${spoken(opening.toFormat('HH:mm'))}.`;
}

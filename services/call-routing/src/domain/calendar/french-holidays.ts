import Holidays from 'date-holidays';
import { CallRoutingError } from '../call-routing-error';
import type { HolidayTerritory, SiteCalendar } from './site-calendar';

/**
 * Every public holiday id a territory can have, with the French name a secretary reads. Ids are what a structure's
 * `workedHolidays` lists, so they are stable and independent of date-holidays' own wording (New Caledonia calls New
 * Year « Jour de l'an », everyone else « Nouvel An »).
 */
const HOLIDAY_NAMES = {
  'new-year': 'Jour de l’an',
  'good-friday': 'Vendredi saint',
  'easter-monday': 'Lundi de Pâques',
  'labour-day': 'Fête du travail',
  'victory-1945': 'Victoire 1945',
  ascension: 'Ascension',
  'whit-monday': 'Lundi de Pentecôte',
  'bastille-day': 'Fête nationale',
  assumption: 'Assomption',
  'all-saints': 'Toussaint',
  armistice: 'Armistice 1918',
  christmas: 'Noël',
  'st-stephen': 'Saint-Étienne',
  'abolition-of-slavery': 'Abolition de l’esclavage',
  'new-caledonia-day': 'Fête de la citoyenneté',
  'missionary-day': 'Arrivée de l’Évangile',
  'internal-autonomy-day': 'Fête de l’autonomie',
  'maori-new-year': 'Matari’i',
  'saint-pierre-chanel-day': 'Fête de Saint Pierre-Chanel',
  'saints-peter-and-paul-day': 'Saint Pierre et Paul',
  'territory-day': 'Fête du Territoire',
} as const satisfies Record<string, string>;

export type HolidayId = keyof typeof HOLIDAY_NAMES;
export const HOLIDAY_IDS = Object.keys(HOLIDAY_NAMES) as readonly HolidayId[];

/** Whether `id` names a public holiday of some territory: what a structure's `workedHolidays` is checked against. */
export function isHolidayId(id: string): id is HolidayId {
  return Object.hasOwn(HOLIDAY_NAMES, id);
}

export interface PublicHoliday {
  id: string;
  /** French. */
  name: string;
  /** The local date, `YYYY-MM-DD`. */
  date: string;
}

/** date-holidays' country and state per territory; Alsace-Moselle is Moselle's rules (Bas-Rhin and Haut-Rhin agree). */
const DATE_HOLIDAYS_REGION: Record<HolidayTerritory, [country: string, state?: string]> = {
  mainland: ['FR'],
  'alsace-moselle': ['FR', '57'],
  guadeloupe: ['GP'],
  martinique: ['MQ'],
  guyane: ['GF'],
  reunion: ['RE'],
  mayotte: ['YT'],
  'saint-barthelemy': ['BL'],
  'saint-martin': ['MF'],
  'saint-pierre-et-miquelon': ['PM'],
  'nouvelle-caledonie': ['NC'],
  'polynesie-francaise': ['PF'],
  'wallis-et-futuna': ['WF'],
};

/** date-holidays' rule for the holidays every territory shares: the rule, not the name, is what stays put. */
const ID_BY_RULE: Record<string, HolidayId> = {
  '01-01': 'new-year',
  'easter -2': 'good-friday',
  'easter 1': 'easter-monday',
  '05-01': 'labour-day',
  '05-08': 'victory-1945',
  'easter 39': 'ascension',
  'easter 50': 'whit-monday',
  '07-14': 'bastille-day',
  '08-15': 'assumption',
  '11-01': 'all-saints',
  '11-11': 'armistice',
  '12-25': 'christmas',
  '12-26': 'st-stephen',
};

/** Each overseas territory abolished slavery on its own date, so the English name identifies it, not the rule. */
const ABOLITION_OF_SLAVERY = 'Abolition of Slavery';

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function holidayIdOf(rule: string, englishName: string): string {
  if (englishName === ABOLITION_OF_SLAVERY) return 'abolition-of-slavery';
  return ID_BY_RULE[rule] ?? slug(englishName);
}

const calendars = new Map<HolidayTerritory, Holidays>();
/**
 * Per territory and year, the public holidays by local date (two can fall on one day: Ascension was 1 May in 2008).
 * Every call decision looks one day up, so years are computed once.
 */
const holidaysByYear = new Map<string, Map<string, PublicHoliday[]>>();

function calendarOf(territory: HolidayTerritory): Holidays {
  let calendar = calendars.get(territory);
  if (!calendar) {
    const [country, state] = DATE_HOLIDAYS_REGION[territory];
    calendar = state ? new Holidays(country, state) : new Holidays(country);
    calendars.set(territory, calendar);
  }
  return calendar;
}

function computeYear(year: number, territory: HolidayTerritory): Map<string, PublicHoliday[]> {
  const calendar = calendarOf(territory);
  // Only a holiday a newer date-holidays adds lacks a name of ours; the library's French one stands in until then.
  let frenchNames: Map<string, string> | undefined;
  const frenchNameOf = (holiday: { date: string; rule: string }): string | undefined => {
    frenchNames ??= new Map(calendar.getHolidays(year, 'fr').map((h) => [`${h.date} ${h.rule}`, h.name]));
    return frenchNames.get(`${holiday.date} ${holiday.rule}`);
  };
  const byDate = new Map<string, PublicHoliday[]>();
  for (const holiday of calendar.getHolidays(year, 'en')) {
    if (holiday.type !== 'public') continue;
    const id = holidayIdOf(holiday.rule, holiday.name);
    const name = isHolidayId(id) ? HOLIDAY_NAMES[id] : (frenchNameOf(holiday) ?? id);
    // `date` is the holiday's own wall-clock date ("2027-07-14 00:00:00"), whatever the process's zone.
    const date = holiday.date.slice(0, 10);
    const sameDay = byDate.get(date) ?? [];
    if (!sameDay.some((other) => other.id === id)) sameDay.push({ id, name, date });
    byDate.set(date, sameDay);
  }
  return byDate;
}

function yearOf(year: number, territory: HolidayTerritory): Map<string, PublicHoliday[]> {
  const key = `${territory}:${year}`;
  let byDate = holidaysByYear.get(key);
  if (!byDate) {
    byDate = computeYear(year, territory);
    holidaysByYear.set(key, byDate);
  }
  return byDate;
}

const LOCAL_DATE = /^(\d{4})-\d{2}-\d{2}$/;

function holidaysOnDate(localDate: string, territory: HolidayTerritory): readonly PublicHoliday[] {
  const year = LOCAL_DATE.exec(localDate)?.[1];
  if (!year) throw CallRoutingError.invalid('localDate', `"${localDate}" is not a date YYYY-MM-DD`);
  return yearOf(Number(year), territory).get(localDate) ?? [];
}

/** The public holidays of `territory` in `year`, in date order. */
export function publicHolidaysOf(year: number, territory: HolidayTerritory): PublicHoliday[] {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw CallRoutingError.invalid('year', `${year} is not a four-digit year`);
  }
  return [...yearOf(year, territory).values()].flat().map((holiday) => ({ ...holiday }));
}

/** The public holiday of `territory` on a local date `YYYY-MM-DD` (the site's own calendar day), if any. */
export function publicHolidayOn(
  localDate: string,
  territory: HolidayTerritory,
): { id: string; name: string } | undefined {
  const [holiday] = holidaysOnDate(localDate, territory);
  return holiday && { id: holiday.id, name: holiday.name };
}

/**
 * The public holiday that closes the site on a local date: one of its territory's holidays the structure does not
 * work. When two fall on the same day, working one of them does not open the site.
 */
export function closedHolidayOn(
  localDate: string,
  calendar: Pick<SiteCalendar, 'territory' | 'workedHolidays'>,
): { id: string; name: string } | undefined {
  const holiday = holidaysOnDate(localDate, calendar.territory).find(
    (candidate) => !calendar.workedHolidays.includes(candidate.id),
  );
  return holiday && { id: holiday.id, name: holiday.name };
}

const TERRITORY_BY_ZONE: Record<string, HolidayTerritory> = {
  'Europe/Paris': 'mainland',
  'America/Guadeloupe': 'guadeloupe',
  'America/Martinique': 'martinique',
  'America/Cayenne': 'guyane',
  'Indian/Reunion': 'reunion',
  'Indian/Mayotte': 'mayotte',
  'America/St_Barthelemy': 'saint-barthelemy',
  'America/Marigot': 'saint-martin',
  'America/Miquelon': 'saint-pierre-et-miquelon',
  'Pacific/Noumea': 'nouvelle-caledonie',
  'Pacific/Tahiti': 'polynesie-francaise',
  'Pacific/Marquesas': 'polynesie-francaise',
  'Pacific/Gambier': 'polynesie-francaise',
  'Pacific/Wallis': 'wallis-et-futuna',
};

/**
 * The territory a new site in `timeZone` most likely follows; mainland for any other zone. Alsace-Moselle shares
 * Europe/Paris, so a structure there chooses it explicitly.
 */
export function defaultTerritoryOf(timeZone: string): HolidayTerritory {
  return TERRITORY_BY_ZONE[timeZone] ?? 'mainland';
}

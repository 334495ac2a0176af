/**
 * Which public holidays apply to a site: mainland France, Alsace-Moselle (Good Friday, St Stephen's Day) or an
 * overseas department or collectivity (its own abolition-of-slavery day and others).
 */
export const HOLIDAY_TERRITORIES = [
  'mainland',
  'alsace-moselle',
  'guadeloupe',
  'martinique',
  'guyane',
  'reunion',
  'mayotte',
  'saint-barthelemy',
  'saint-martin',
  'saint-pierre-et-miquelon',
  'nouvelle-caledonie',
  'polynesie-francaise',
  'wallis-et-futuna',
] as const;
export type HolidayTerritory = (typeof HOLIDAY_TERRITORIES)[number];

/** A site's calendar as call routing reads it: its zone, its holidays, and the colleagues on duty when one is absent. */
export interface SiteCalendar {
  /** IANA zone of the site (`Europe/Paris`, `America/Martinique`, `Indian/Reunion`, `Pacific/Noumea`…). */
  timeZone: string;
  territory: HolidayTerritory;
  /**
   * Public holidays the structure chooses to work, by holiday id (`whit-monday`, `ascension`, `bastille-day`…): on
   * those days time windows match as on an ordinary day.
   */
  workedHolidays: string[];
  /** Practitioner ids, in order, a `forward_on_duty` action without its own list tries. */
  dutyRoster: string[];
}

import { DateTime } from 'luxon';
import { CallRoutingError } from '../call-routing-error';
import { type TimeWindow, type Weekday, WEEKDAYS } from '../rulebook/rulebook';
import { closedHolidayOn, publicHolidayOn } from './french-holidays';
import type { SiteCalendar } from './site-calendar';

const ON_HOLIDAYS = ['excluded', 'included', 'only'] as const;

const WEEKDAY_NAMES: Record<Weekday, string> = {
  mon: 'lundi',
  tue: 'mardi',
  wed: 'mercredi',
  thu: 'jeudi',
  fri: 'vendredi',
  sat: 'samedi',
  sun: 'dimanche',
};
const MONTH_NAMES = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

const WALL_TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;
const END_OF_DAY = 24 * 60;

/** Minutes since midnight of a wall time `HH:mm` (`24:00` is the end of the day), or undefined when malformed. */
export function parseWallTime(text: string): number | undefined {
  const match = WALL_TIME.exec(text);
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= END_OF_DAY ? minutes : undefined;
}

export interface WindowProblem {
  path: string;
  /** French: shown to whoever edits the rulebook. */
  reason: string;
}

/** Everything wrong with a window, each problem at its path under `path` (e.g. `rules[2].when.window`). */
export function windowProblems(window: TimeWindow, path = 'window'): WindowProblem[] {
  const problems: WindowProblem[] = [];
  const from = boundProblem(window.from, `${path}.from`, END_OF_DAY - 1, problems);
  const to = boundProblem(window.to, `${path}.to`, END_OF_DAY, problems);
  if (from !== undefined && to !== undefined && to <= from) {
    problems.push({ path: `${path}.to`, reason: `doit être après le début ${window.from} (reçu ${window.to})` });
  }
  if (window.days !== undefined) problems.push(...daysProblems(window.days, `${path}.days`));
  if (window.onHolidays !== undefined && !ON_HOLIDAYS.includes(window.onHolidays)) {
    problems.push({
      path: `${path}.onHolidays`,
      reason: `valeur inconnue ${JSON.stringify(window.onHolidays)} : attendu ${ON_HOLIDAYS.join(', ')}`,
    });
  }
  return problems;
}

function boundProblem(value: unknown, path: string, latest: number, problems: WindowProblem[]): number | undefined {
  if (value === undefined) return undefined;
  const minutes = typeof value === 'string' ? parseWallTime(value) : undefined;
  if (minutes === undefined || minutes > latest) {
    const range = latest === END_OF_DAY ? '00:00 à 24:00' : '00:00 à 23:59';
    problems.push({ path, reason: `heure HH:mm de ${range} attendue (reçu ${JSON.stringify(value)})` });
    return undefined;
  }
  return minutes;
}

function daysProblems(days: unknown, path: string): WindowProblem[] {
  if (!Array.isArray(days)) return [{ path, reason: 'liste de jours attendue' }];
  if (days.length === 0) return [{ path, reason: 'au moins un jour attendu (sans `days`, tous les jours)' }];
  const problems: WindowProblem[] = [];
  days.forEach((day: unknown, index) => {
    if (!WEEKDAYS.includes(day as Weekday)) {
      problems.push({
        path: `${path}[${index}]`,
        reason: `jour inconnu ${JSON.stringify(day)} : attendu ${WEEKDAYS.join(', ')}`,
      });
    } else if (days.indexOf(day) < index) {
      problems.push({ path: `${path}[${index}]`, reason: `${WEEKDAY_NAMES[day as Weekday]} figure deux fois` });
    }
  });
  return problems;
}

export interface WindowMatch {
  holds: boolean;
  /** French, for the simulator's trace: « lundi 09:30 dans lundi–vendredi 08:00–12:00 ». */
  reason: string;
}

/**
 * Whether the instant `at` falls in `window`, read on the site's wall clock (its own zone, whatever the process's):
 * its weekday among `days`, `from <= HH:mm < to`, and its holiday rule, where only a public holiday the structure does
 * not work counts as a holiday.
 */
export function matchWindow(window: TimeWindow, at: Date, calendar: SiteCalendar): WindowMatch {
  const local = DateTime.fromJSDate(at, { zone: calendar.timeZone });
  if (!local.isValid) {
    throw CallRoutingError.invalid('calendar.timeZone', `"${calendar.timeZone}" is not an IANA time zone`);
  }
  const localDate = `${local.year}-${twoDigits(local.month)}-${twoDigits(local.day)}`;
  const weekday = WEEKDAYS[local.weekday - 1];
  const clock = `${twoDigits(local.hour)}:${twoDigits(local.minute)}`;
  const minutes = local.hour * 60 + local.minute;
  const moment = `${WEEKDAY_NAMES[weekday]} ${local.day} ${MONTH_NAMES[local.month - 1]} ${local.year} ${clock} (${calendar.timeZone})`;

  const closedHoliday = closedHolidayOn(localDate, calendar);
  const onHolidays = window.onHolidays ?? 'excluded';
  if (closedHoliday && onHolidays === 'excluded') {
    return { holds: false, reason: `${moment} : ${closedHoliday.name}, jour férié non travaillé` };
  }
  const holiday = closedHoliday ?? publicHolidayOn(localDate, calendar.territory);
  if (!closedHoliday && onHolidays === 'only') {
    const why = holiday ? `${holiday.name}, jour férié travaillé par la structure` : 'pas un jour férié';
    return { holds: false, reason: `${moment} : ${why}` };
  }

  if (window.days && !window.days.includes(weekday)) {
    return { holds: false, reason: `${WEEKDAY_NAMES[weekday]} hors de ${describeDays(window.days)}` };
  }
  const from = wallTimeOf(window.from, 'window.from') ?? 0;
  const to = wallTimeOf(window.to, 'window.to') ?? END_OF_DAY;
  if (minutes < from || minutes >= to) {
    return { holds: false, reason: `${clock} hors de ${describeHours(window)}` };
  }

  const dayNote = holiday ? ` (${holiday.name}, jour férié${closedHoliday ? '' : ' travaillé'})` : '';
  return { holds: true, reason: `${WEEKDAY_NAMES[weekday]} ${clock} dans ${describeWindow(window)}${dayNote}` };
}

// Formatted by hand: this runs on every call decision and Luxon's formatter costs tens of microseconds.
function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** A stored window was validated by `windowProblems`; a malformed one reaching here is a bug worth a loud error. */
function wallTimeOf(text: string | undefined, field: string): number | undefined {
  if (text === undefined) return undefined;
  const minutes = parseWallTime(text);
  if (minutes === undefined) throw CallRoutingError.invalid(field, `"${text}" is not a time HH:mm`);
  return minutes;
}

/** « lundi–vendredi 08:00–12:00 », « tous les jours 14:00–18:00 », « samedi, dimanche toute la journée ». */
function describeWindow(window: TimeWindow): string {
  return `${window.days ? describeDays(window.days) : 'tous les jours'} ${describeHours(window)}`;
}

function describeHours(window: TimeWindow): string {
  if (window.from === undefined && window.to === undefined) return 'toute la journée';
  return `${window.from ?? '00:00'}–${window.to ?? '24:00'}`;
}

/** Days in week order, three or more consecutive ones as a range: « lundi–mercredi, vendredi ». */
function describeDays(days: readonly Weekday[]): string {
  const indexes = [...new Set(days.map((day) => WEEKDAYS.indexOf(day)))].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const index of indexes) {
    const run = runs.at(-1);
    if (run && run.at(-1) === index - 1) run.push(index);
    else runs.push([index]);
  }
  return runs
    .flatMap((run) =>
      run.length >= 3
        ? [`${WEEKDAY_NAMES[WEEKDAYS[run[0]]]}–${WEEKDAY_NAMES[WEEKDAYS[run[run.length - 1]]]}`]
        : run.map((index) => WEEKDAY_NAMES[WEEKDAYS[index]]),
    )
    .join(', ');
}

import type { OpeningHoursV1 } from '@msp/contracts';
import { DirectoryError } from './directory-error';

export type OpeningHours = OpeningHoursV1;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Checks each range (weekday 1–7, HH:mm, opens before closes) and that ranges of one day do not overlap. */
export function assertOpeningHours(hours: OpeningHours[], field: string): OpeningHours[] {
  hours.forEach((range, i) => {
    const at = `${field}[${i}]`;
    if (!Number.isInteger(range.weekday) || range.weekday < 1 || range.weekday > 7) {
      throw DirectoryError.invalid(`${at}.weekday`, 'must be 1 (Monday) to 7 (Sunday)');
    }
    if (!TIME.test(range.opens)) throw DirectoryError.invalid(`${at}.opens`, `"${range.opens}" is not a time HH:mm`);
    if (!TIME.test(range.closes)) throw DirectoryError.invalid(`${at}.closes`, `"${range.closes}" is not a time HH:mm`);
    if (range.opens >= range.closes) throw DirectoryError.invalid(`${at}.closes`, 'must be after opens');
  });
  const sorted = hours
    .map((h, i) => ({ ...h, i }))
    .sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
  for (let k = 1; k < sorted.length; k++) {
    const [previous, current] = [sorted[k - 1], sorted[k]];
    if (previous.weekday === current.weekday && current.opens < previous.closes) {
      throw DirectoryError.invalid(
        `${field}[${current.i}]`,
        `overlaps ${previous.opens}–${previous.closes} on the same day`,
      );
    }
  }
  return hours;
}

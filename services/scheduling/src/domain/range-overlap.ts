import { addDays, type LocalDate } from './local-date';
import type { OpeningRange } from './opening-range';
import { rangeOccurrences, type RangeOccurrence } from './range-occurrences';
import { SchedulingError } from './scheduling-error';

/** A range with the zone of its site: occurrences of ranges at sites in different zones are compared as instants. */
export interface ZonedRange {
  range: OpeningRange;
  timeZone: string;
}

/**
 * How far the check looks from the later of two ranges' first days. Rules are DAILY, WEEKLY or MONTHLY: two years holds
 * every pattern a practice uses (a monthly "first Monday" meets a weekly Monday within five weeks); a rule that first
 * meets another after that is not worth refusing a range for today.
 */
const HORIZON_DAYS = 731;

/** The first occurrence of `other` overlapping one of `candidate` (half-open: 12:30 ends before 12:30 starts). */
export function firstOverlap(
  candidate: ZonedRange,
  other: ZonedRange,
): { mine: RangeOccurrence; theirs: RangeOccurrence } | null {
  const from: LocalDate =
    candidate.range.validFrom > other.range.validFrom ? candidate.range.validFrom : other.range.validFrom;
  const ends = [candidate.range.validUntil, other.range.validUntil, addDays(from, HORIZON_DAYS)].filter(
    (d): d is LocalDate => Boolean(d),
  );
  const to = ends.reduce((a, b) => (a < b ? a : b));
  if (to < from) return null;
  // A day either side: the same instant is a different local date in two zones.
  const mine = rangeOccurrences([candidate.range], candidate.timeZone, addDays(from, -1), addDays(to, 1));
  const theirs = rangeOccurrences([other.range], other.timeZone, addDays(from, -1), addDays(to, 1));
  let i = 0;
  let j = 0;
  while (i < mine.length && j < theirs.length) {
    const a = mine[i];
    const b = theirs[j];
    if (a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime()) return { mine: a, theirs: b };
    if (a.end.getTime() <= b.end.getTime()) i++;
    else j++;
  }
  return null;
}

/**
 * Refuses a range of a practitioner that overlaps one of theirs at another site: nobody consults in two places at
 * once. The error names the field (the start when the new range begins inside the other one, the end otherwise) and
 * the conflicting range.
 */
export function assertNoCrossSiteOverlap(candidate: ZonedRange, others: readonly ZonedRange[], prefix = 'input'): void {
  for (const other of others) {
    if (other.range.siteId === candidate.range.siteId || other.range.id === candidate.range.id) continue;
    if (other.range.practitionerId !== candidate.range.practitionerId) continue;
    const found = firstOverlap(candidate, other);
    if (!found) continue;
    const { range } = other;
    const startsInside = found.mine.start.getTime() >= found.theirs.start.getTime();
    const validity = range.validUntil ? `from ${range.validFrom} to ${range.validUntil}` : `from ${range.validFrom}`;
    throw SchedulingError.invalid(
      `${prefix}.${startsInside ? 'startTime' : 'endTime'}`,
      `overlaps the practitioner's opening range ${range.id} at site ${range.siteId} ` +
        `(${range.startTime}–${range.endTime}, ${range.recurrence}, ${validity}), first on ${found.mine.date}`,
    );
  }
}

import { contains, type Interval } from './interval';
import { localDateOf, type LocalDate } from './local-date';
import { rangeAllowsMotif, type OpeningRange } from './opening-range';
import { occurrenceDates } from './recurrence';
import { parseWallTime } from './wall-time';
import { atWallTime } from './zoned-time';

/** One day's instance of an opening range, as instants. */
export interface RangeOccurrence extends Interval {
  range: OpeningRange;
  date: LocalDate;
}

/** Every occurrence of `ranges` on the local dates from `from` to `to` (inclusive) in the site's `zone`. */
export function rangeOccurrences(
  ranges: readonly OpeningRange[],
  zone: string,
  from: LocalDate,
  to: LocalDate,
): RangeOccurrence[] {
  return ranges.flatMap((range) => {
    const last = range.validUntil && range.validUntil < to ? range.validUntil : to;
    const startTime = parseWallTime(range.startTime, 'startTime');
    const endTime = parseWallTime(range.endTime, 'endTime');
    return occurrenceDates(range.recurrence, range.validFrom, from, last).map((date) => ({
      range,
      date,
      start: atWallTime(date, startTime, zone),
      end: atWallTime(date, endTime, zone),
    }));
  });
}

/** The occurrence of a range allowing `motifId` that wholly contains `interval`, if any. */
export function occurrenceCovering(
  ranges: readonly OpeningRange[],
  zone: string,
  interval: Interval,
  motifId: string,
): RangeOccurrence | undefined {
  const date = localDateOf(interval.start, zone);
  return rangeOccurrences(ranges, zone, date, date).find(
    (o) => rangeAllowsMotif(o.range, motifId) && contains(o, interval),
  );
}

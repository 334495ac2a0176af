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
  // Ranges of a practice share their hours and rules: each date × wall time and each rule × window is computed once per
  // call (a zoned conversion and a recurrence expansion cost tens of microseconds; a search makes thousands).
  const instants = new Map<string, Date>();
  const instant = (date: LocalDate, text: string, field: string): Date => {
    const key = `${date} ${text}`;
    let value = instants.get(key);
    if (!value) instants.set(key, (value = atWallTime(date, parseWallTime(text, field), zone)));
    return value;
  };
  const dates = new Map<string, LocalDate[]>();
  return ranges.flatMap((range) => {
    const last = range.validUntil && range.validUntil < to ? range.validUntil : to;
    const key = `${range.recurrence} ${range.validFrom} ${last}`;
    let days = dates.get(key);
    if (!days) dates.set(key, (days = occurrenceDates(range.recurrence, range.validFrom, from, last)));
    return days.map((date) => ({
      range,
      date,
      start: instant(date, range.startTime, 'startTime'),
      end: instant(date, range.endTime, 'endTime'),
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

import {
  atWallTime,
  isSnpIndex,
  occurrenceDates,
  slotGrid,
  snpSlotCount,
  wallTimeOf,
  type TimeSpan,
  type WallTime,
} from '@msp/calendar';

/**
 * One opening range of a practitioner at a site, as scheduling's `opening-ranges.changed` event describes it: an RRULE
 * anchored at `validFrom`, wall times read in the site's zone, and the grid its SNP slots are counted on.
 */
export interface OpeningRangeFact {
  openingRangeId: string;
  practitionerId: string;
  siteId: string;
  timeZone: string;
  recurrence: string;
  startTime: string;
  endTime: string;
  /** Local dates of the site; `validUntil` null: no end. */
  validFrom: string;
  validUntil: string | null;
  snpShare: number;
  snpSlot: { durationMinutes: number; bufferAfterMinutes: number } | null;
  /** When scheduling removed it: occurrences starting from then on are not counted. */
  removedAt: Date | null;
}

/** Time a practitioner is out of their agenda at every site (scheduling's absences, holidays, trainings, blocks). */
export interface Unavailability {
  practitionerId: string;
  start: Date;
  end: Date;
}

export interface OpeningCapacity {
  /**
   * Whole minutes during which at least one site of the structure was open: every occurrence of every practitioner's
   * ranges, less their absences, united across practitioners and sites on the time line (an instant counts once,
   * whichever site and zone it is open in).
   */
  openingMinutes: number;
  /** SNP slots opened per practitioner: those of their occurrences' grids that no absence of theirs covers. */
  snpSlots: Map<string, number>;
}

const overlaps = (a: TimeSpan, b: TimeSpan) => a.start < b.end && b.start < a.end;

/** `span` less the `blocked` spans (sorted by start). */
function subtract(span: TimeSpan, blocked: readonly TimeSpan[]): TimeSpan[] {
  let pieces = [span];
  for (const block of blocked) {
    if (block.start >= span.end) break;
    pieces = pieces.flatMap((piece) => {
      if (!overlaps(piece, block)) return [piece];
      const left = piece.start < block.start ? [{ start: piece.start, end: block.start }] : [];
      const right = block.end < piece.end ? [{ start: block.end, end: piece.end }] : [];
      return [...left, ...right];
    });
  }
  return pieces;
}

/** The length of the union of spans, in milliseconds. */
function unionLength(spans: TimeSpan[]): number {
  const sorted = [...spans].sort((a, b) => a.start.getTime() - b.start.getTime());
  let total = 0;
  let current: TimeSpan | null = null;
  for (const span of sorted) {
    if (current && span.start <= current.end) {
      if (span.end > current.end) current = { start: current.start, end: span.end };
      continue;
    }
    if (current) total += current.end.getTime() - current.start.getTime();
    current = span;
  }
  return current ? total + current.end.getTime() - current.start.getTime() : total;
}

/**
 * The opening of a structure over local dates `from`–`to` (both included, each range's dates in its site's zone): its
 * ranges' occurrences (from `validFrom`, up to `validUntil` and to their removal), less each practitioner's absences.
 * Scheduling's own rules: the recurrence, wall times and SNP grid of `@msp/calendar`, an SNP slot not offered when an
 * absence overlaps it. Public holidays are not closed days unless an absence says so (scheduling does not close them
 * either). A range whose rule cannot be read counts nothing.
 */
export function openingCapacity(
  ranges: readonly OpeningRangeFact[],
  unavailable: readonly Unavailability[],
  from: string,
  to: string,
): OpeningCapacity {
  const blockedBy = new Map<string, TimeSpan[]>();
  for (const u of unavailable) blockedBy.set(u.practitionerId, [...(blockedBy.get(u.practitionerId) ?? []), u]);
  for (const spans of blockedBy.values()) spans.sort((a, b) => a.start.getTime() - b.start.getTime());
  const open: TimeSpan[] = [];
  const snpSlots = new Map<string, number>();
  // A practice's ranges share their rules and hours: each rule × window and each date × wall time × zone is computed
  // once per call (an rrule expansion or a zoned conversion costs tens of microseconds; a year of a practice, thousands).
  const datesOf = new Map<string, string[]>();
  const instants = new Map<string, Date>();
  const instant = (date: string, time: WallTime, text: string, zone: string): Date => {
    const key = `${date} ${text} ${zone}`;
    let value = instants.get(key);
    if (!value) instants.set(key, (value = atWallTime(date, time, zone)));
    return value;
  };
  // An occurrence nobody's absence touches holds as many SNP slots as any other of its length and grid.
  const snpByShape = new Map<string, number>();
  const snpOf = (
    occurrence: TimeSpan,
    grid: NonNullable<OpeningRangeFact['snpSlot']>,
    share: number,
    absent: TimeSpan[],
  ) => {
    const slots = () => slotGrid(occurrence, grid.durationMinutes, grid.bufferAfterMinutes);
    if (absent.length)
      return slots().filter((slot, i) => isSnpIndex(i, share) && !absent.some((block) => overlaps(slot, block))).length;
    const key = `${occurrence.end.getTime() - occurrence.start.getTime()} ${grid.durationMinutes} ${grid.bufferAfterMinutes} ${share}`;
    let count = snpByShape.get(key);
    if (count === undefined) snpByShape.set(key, (count = snpSlotCount(slots().length, share)));
    return count;
  };
  for (const range of ranges) {
    const startTime = wallTimeOf(range.startTime);
    const endTime = wallTimeOf(range.endTime);
    if (!startTime || !endTime) continue;
    const last = range.validUntil && range.validUntil < to ? range.validUntil : to;
    const key = `${range.recurrence} ${range.validFrom} ${last}`;
    let dates = datesOf.get(key);
    if (!dates) {
      try {
        dates = occurrenceDates(range.recurrence, range.validFrom, from, last);
      } catch {
        dates = [];
      }
      datesOf.set(key, dates);
    }
    const blocked = blockedBy.get(range.practitionerId) ?? [];
    let snp = 0;
    for (const date of dates) {
      const occurrence = {
        start: instant(date, startTime, range.startTime, range.timeZone),
        end: instant(date, endTime, range.endTime, range.timeZone),
      };
      if (occurrence.end <= occurrence.start) continue;
      if (range.removedAt && occurrence.start >= range.removedAt) continue;
      const absent = blocked.filter((block) => overlaps(occurrence, block));
      open.push(...subtract(occurrence, absent));
      if (range.snpShare > 0 && range.snpSlot) snp += snpOf(occurrence, range.snpSlot, range.snpShare, absent);
    }
    snpSlots.set(range.practitionerId, (snpSlots.get(range.practitionerId) ?? 0) + snp);
  }
  return { openingMinutes: Math.round(unionLength(open) / 60_000), snpSlots };
}

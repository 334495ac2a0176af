import { slotGrid, snpSlotCount } from '@msp/calendar';
import { motifAppliesTo, type Motif } from './motif';
import { rangeAllowsMotif, type OpeningRange } from './opening-range';
import { minutesOfDay, parseWallTime } from './wall-time';

/** The grid a range's SNP slots are counted on, and how many one occurrence holds. */
export interface SnpCountingGrid {
  motifId: string;
  durationMinutes: number;
  bufferAfterMinutes: number;
  /** SNP slots of one occurrence, a day without a clock change inside the range. */
  slotsPerOccurrence: number;
}

const stepOf = (motif: Motif) => motif.durationMinutes + motif.bufferAfterMinutes;

/**
 * Scheduling cuts a range into a grid per motif, and holds back `snpShare` of each grid: "how many SNP slots a range
 * opens" depends on the motif. Outside scheduling (indicators' SNP capacity) a range is counted on one grid: the finest
 * its practitioner can be booked on in it (shortest duration + buffer, then shortest duration, then id), i.e. the most
 * SNP slots it offers. Null when no motif of the structure fits the range yet.
 */
export function snpCountingGrid(range: OpeningRange, motifs: readonly Motif[]): SnpCountingGrid | null {
  const [finest] = motifs
    .filter((m) => m.structureId === range.structureId)
    .filter((m) => rangeAllowsMotif(range, m.id) && motifAppliesTo(m, range.practitionerId))
    .sort(
      (a, b) =>
        stepOf(a) - stepOf(b) || a.durationMinutes - b.durationMinutes || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  if (!finest) return null;
  const minutes =
    minutesOfDay(parseWallTime(range.endTime, 'endTime')) - minutesOfDay(parseWallTime(range.startTime, 'startTime'));
  const slots = slotGrid(
    { start: new Date(0), end: new Date(minutes * 60_000) },
    finest.durationMinutes,
    finest.bufferAfterMinutes,
  );
  return {
    motifId: finest.id,
    durationMinutes: finest.durationMinutes,
    bufferAfterMinutes: finest.bufferAfterMinutes,
    slotsPerOccurrence: snpSlotCount(slots.length, range.snpShare),
  };
}

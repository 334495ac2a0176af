import { slotGrid } from '@msp/calendar';
import { DateTime } from 'luxon';
import { groupBy } from './group-by';
import type { BookingChannel } from './booking-channel';
import type { FreeSlot } from './free-slot';
import { overlapsAny, type Interval } from './interval';
import { assertLocalDate, daysBetween, type LocalDate } from './local-date';
import { motifAppliesTo, type Motif } from './motif';
import { rangeAllowsMotif, type OpeningRange } from './opening-range';
import { rangeOccurrences, type RangeOccurrence } from './range-occurrences';
import { SchedulingError, schedulingInput } from './scheduling-error';
import { isSnpIndex, snpReleaseInstant } from './snp-release';

export const MAX_SEARCH_DAYS = 62;

/** Time a practitioner is not available: appointments and live holds (busy), or declared exceptions. */
export interface PractitionerInterval extends Interval {
  practitionerId: string;
  /** The site of an appointment or hold (travel to other sites is counted from it); none for other busy time. */
  siteId?: string | null;
}

export interface SlotSearch {
  /** The IANA zone of the site the ranges belong to. */
  timeZone: string;
  ranges: readonly OpeningRange[];
  exceptions: readonly PractitionerInterval[];
  busy: readonly PractitionerInterval[];
  motif: Motif;
  /** Local dates in the site's zone, both included. */
  from: LocalDate;
  to: LocalDate;
  now: Date;
  /** Who will see the slots: SNP slots are shown to staff always, to others once released. */
  audience: BookingChannel;
  /**
   * When the motif needs a room: the busy time of each suitable room of the site. A slot is offered only if one of them
   * is free for its whole time (none listed: no slot).
   */
  rooms?: ReadonlyArray<readonly Interval[]>;
  /** Defaults to the motif's. */
  minNoticeMinutes?: number;
  maxHorizonDays?: number;
}

/** A search's local dates: valid, in order, at most MAX_SEARCH_DAYS apart. */
export function assertSearchDates(from: LocalDate, to: LocalDate, prefix: string): void {
  assertLocalDate(from, `${prefix}.from`);
  assertLocalDate(to, `${prefix}.to`);
  if (to < from) throw SchedulingError.invalid(`${prefix}.to`, `must not be before from ${from}`);
  if (daysBetween(from, to) >= MAX_SEARCH_DAYS)
    throw SchedulingError.invalid(`${prefix}.to`, `a search spans at most ${MAX_SEARCH_DAYS} days`);
}

function checkSearch(search: SlotSearch, prefix: string): void {
  schedulingInput.timeZone(search.timeZone, `${prefix}.timeZone`);
  assertSearchDates(search.from, search.to, prefix);
  if (!(search.motif.durationMinutes > 0))
    throw SchedulingError.invalid(`${prefix}.motif.durationMinutes`, 'must be greater than 0');
  if (Number.isNaN(search.now.getTime())) throw SchedulingError.invalid(`${prefix}.now`, 'is not a valid instant');
}

/** The grid of one occurrence: slots every duration + buffer from its start, each ending within it. */
function grid(occurrence: RangeOccurrence, motif: Motif): Interval[] {
  return slotGrid(occurrence, motif.durationMinutes, motif.bufferAfterMinutes);
}

/** By start, then practitioner: ISO instants of one format and UUIDs compare as plain strings (no locale rules). */
export function byStartThenPractitioner(a: FreeSlot, b: FreeSlot): number {
  if (a.startsAt !== b.startsAt) return a.startsAt < b.startsAt ? -1 : 1;
  if (a.practitionerId !== b.practitionerId) return a.practitionerId < b.practitionerId ? -1 : 1;
  return 0;
}

/**
 * The free slots of a motif over a date range at one site: opening-range occurrences computed in the site's zone, cut
 * into a grid, minus exceptions and busy time, within minimum notice and horizon, SNP slots hidden from non-staff until
 * their release. Sorted by start, then practitioner.
 */
export function generateFreeSlots(search: SlotSearch, prefix = 'input'): FreeSlot[] {
  checkSearch(search, prefix);
  const { motif, now, timeZone } = search;
  if (!motif.bookableBy.includes(search.audience)) return [];
  const earliest = now.getTime() + (search.minNoticeMinutes ?? motif.minNoticeMinutes) * 60_000;
  const latest = DateTime.fromJSDate(now, { zone: timeZone })
    .plus({ days: search.maxHorizonDays ?? motif.maxHorizonDays })
    .toMillis();
  const ranges = search.ranges.filter(
    (range) => rangeAllowsMotif(range, motif.id) && motifAppliesTo(motif, range.practitionerId),
  );
  // Grouped once: filtering every busy interval of the structure for each occurrence made a search of 500
  // practitioners' week cost seconds (occurrences × intervals).
  const blockedBy = groupBy([...search.exceptions, ...search.busy], (interval) => interval.practitionerId);
  const seen = new Set<string>();
  const slots: FreeSlot[] = [];
  for (const occurrence of rangeOccurrences(ranges, timeZone, search.from, search.to)) {
    const { practitionerId, siteId, snpShare, snpRelease } = occurrence.range;
    const blocked = blockedBy.get(practitionerId) ?? [];
    const releasesAt = snpShare > 0 ? snpReleaseInstant(snpRelease, occurrence.date, timeZone) : null;
    grid(occurrence, motif).forEach((slot, index) => {
      const start = slot.start.getTime();
      if (start < earliest || start < now.getTime() || start > latest || overlapsAny(slot, blocked)) return;
      if (search.rooms && !search.rooms.some((roomBusy) => !overlapsAny(slot, roomBusy))) return;
      const snp = releasesAt !== null && isSnpIndex(index, snpShare);
      if (snp && search.audience !== 'staff' && now.getTime() < (releasesAt?.getTime() ?? 0)) return;
      const key = `${practitionerId}/${start}`;
      if (seen.has(key)) return;
      seen.add(key);
      slots.push({
        practitionerId,
        siteId,
        motifId: motif.id,
        startsAt: slot.start.toISOString(),
        endsAt: slot.end.toISOString(),
        snp,
        snpReleasesAt: snp && releasesAt ? releasesAt.toISOString() : null,
      });
    });
  }
  return slots.sort(byStartThenPractitioner);
}

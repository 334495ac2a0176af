import { addDays, localDateOf, type LocalDate } from './local-date';
import type { OpeningRange } from './opening-range';
import { rangeOccurrences } from './range-occurrences';
import { snpReleaseInstant } from './snp-release';

export interface SnpRangeAtSite {
  range: OpeningRange;
  timeZone: string;
}

/** One announcement: a practitioner's SNP slots of one local day, released at one instant, in one structure. */
export interface SnpReleaseDue {
  practitionerId: string;
  structureId: string;
  date: LocalDate;
  releasedAt: Date;
  siteIds: string[];
  openingRangeIds: string[];
}

/**
 * The SNP releases that have happened by `now` for days not yet over, computed in each site's zone: an occurrence of a
 * range holding back SNP slots is released at its rule's instant (N days before at HH:mm, site time). Occurrences of
 * one practitioner, day, instant and structure are announced together.
 */
export function dueSnpReleases(ranges: readonly SnpRangeAtSite[], now: Date): SnpReleaseDue[] {
  const due = new Map<string, SnpReleaseDue>();
  for (const { range, timeZone } of ranges) {
    if (range.snpShare <= 0) continue;
    const today = localDateOf(now, timeZone);
    for (const occurrence of rangeOccurrences(
      [range],
      timeZone,
      addDays(today, -1),
      addDays(today, range.snpRelease.daysBefore),
    )) {
      const releasedAt = snpReleaseInstant(range.snpRelease, occurrence.date, timeZone);
      if (releasedAt.getTime() > now.getTime() || occurrence.end.getTime() <= now.getTime()) continue;
      const key = [range.practitionerId, occurrence.date, releasedAt.toISOString(), range.structureId].join('|');
      const entry = due.get(key) ?? {
        practitionerId: range.practitionerId,
        structureId: range.structureId,
        date: occurrence.date,
        releasedAt,
        siteIds: [],
        openingRangeIds: [],
      };
      if (!entry.siteIds.includes(range.siteId)) entry.siteIds.push(range.siteId);
      entry.openingRangeIds.push(range.id);
      due.set(key, entry);
    }
  }
  return [...due.values()];
}

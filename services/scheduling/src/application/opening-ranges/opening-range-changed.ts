import type { OpeningRangesChangedV1 } from '@msp/contracts';
import type { Motif } from '../../domain/motif';
import type { OpeningRange } from '../../domain/opening-range';
import { snpCountingGrid } from '../../domain/snp-counting-grid';

/**
 * The `scheduling.opening-ranges.changed.v1` payload of a range: its ids, and the range itself so that a consumer
 * (indicators' opening amplitude and SNP capacity) can expand it in the site's zone without asking scheduling. `motifs`:
 * the structure's motifs the range may offer (those it lists, or all of them), for the grid its SNP slots are counted on.
 * `removedFrom`: a removal's first local day without the range.
 */
export function openingRangeChanged(
  range: OpeningRange,
  change: OpeningRangesChangedV1['change'],
  timeZone: string,
  motifs: readonly Motif[],
  changedAt: Date,
  removedFrom?: string,
): OpeningRangesChangedV1 {
  const grid = snpCountingGrid(range, motifs);
  return {
    practitionerId: range.practitionerId,
    structureId: range.structureId,
    siteId: range.siteId,
    openingRangeId: range.id,
    change,
    changedAt: changedAt.toISOString(),
    recurrence: range.recurrence,
    startTime: range.startTime,
    endTime: range.endTime,
    timeZone,
    validFrom: range.validFrom,
    validUntil: range.validUntil,
    snpShare: range.snpShare,
    snpSlot: grid
      ? { motifId: grid.motifId, durationMinutes: grid.durationMinutes, bufferAfterMinutes: grid.bufferAfterMinutes }
      : null,
    snpSlotsPerOccurrence: grid ? grid.slotsPerOccurrence : null,
    ...(change === 'removed' && removedFrom ? { removedFrom } : {}),
  };
}

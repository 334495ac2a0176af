import type { OpeningRange } from '../../domain/opening-range';
import { OpeningRangeEntity } from '../entities/opening-range.entity';

export function openingRangeToEntity(range: OpeningRange): OpeningRangeEntity {
  const { snpRelease, ...rest } = range;
  return Object.assign(new OpeningRangeEntity(), rest, {
    snpReleaseDaysBefore: snpRelease.daysBefore,
    snpReleaseAt: snpRelease.at,
    version: range.version ?? 1,
    replaces: range.replaces ?? null,
  });
}

export function openingRangeFromEntity(entity: OpeningRangeEntity): OpeningRange {
  return {
    id: entity.id,
    structureId: entity.structureId,
    practitionerId: entity.practitionerId,
    siteId: entity.siteId,
    recurrence: entity.recurrence,
    startTime: entity.startTime,
    endTime: entity.endTime,
    validFrom: entity.validFrom,
    validUntil: entity.validUntil,
    motifIds: entity.motifIds,
    snpShare: entity.snpShare,
    snpRelease: { daysBefore: entity.snpReleaseDaysBefore, at: entity.snpReleaseAt },
    version: entity.version,
    replaces: entity.replaces,
  };
}

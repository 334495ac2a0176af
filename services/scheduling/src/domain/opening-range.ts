import { assertLocalDate, type LocalDate } from './local-date';
import { normaliseRecurrence, weeklyRecurrence } from './recurrence';
import { SchedulingError } from './scheduling-error';
import { assertSnpReleaseRule, DEFAULT_SNP_RELEASE, type SnpReleaseRule } from './snp-release';
import { minutesOfDay, parseWallTime } from './wall-time';

/**
 * A recurring range of a practitioner's time at one site, in the site's wall time: "every Monday and Thursday,
 * 09:00–12:00, from 2026-01-05". The motifs allowed in it (none listed: every motif of the structure) and the share of
 * its slots held back for unscheduled care (SNP).
 */
export interface OpeningRange {
  id: string;
  structureId: string;
  practitionerId: string;
  siteId: string;
  recurrence: string;
  startTime: string;
  endTime: string;
  validFrom: LocalDate;
  validUntil: LocalDate | null;
  motifIds: string[];
  snpShare: number;
  snpRelease: SnpReleaseRule;
  /** Once stored: bumped by every change (an edit names the version it was made from). */
  version?: number;
  /** Once stored: the range this one continues from its `validFrom` (an edit from a date), if any. */
  replaces?: string | null;
}

export type OpeningRangeDraft = Omit<
  OpeningRange,
  'recurrence' | 'validUntil' | 'snpShare' | 'snpRelease' | 'motifIds' | 'version' | 'replaces'
> & {
  /** Either an RRULE… */
  recurrence?: string | null;
  /** …or ISO weekdays (1 = Monday). */
  weekdays?: number[] | null;
  validUntil?: LocalDate | null;
  motifIds?: string[] | null;
  snpShare?: number | null;
  snpRelease?: SnpReleaseRule | null;
};

export function createOpeningRange(draft: OpeningRangeDraft, prefix = 'input'): OpeningRange {
  const hasRule = Boolean(draft.recurrence?.trim());
  const hasDays = Boolean(draft.weekdays?.length);
  if (hasRule === hasDays)
    throw SchedulingError.invalid(`${prefix}.recurrence`, 'give either an RRULE or weekdays, not both and not neither');
  const recurrence = hasRule
    ? normaliseRecurrence(draft.recurrence ?? '', `${prefix}.recurrence`)
    : weeklyRecurrence(draft.weekdays ?? [], `${prefix}.weekdays`);
  const start = parseWallTime(draft.startTime, `${prefix}.startTime`);
  const end = parseWallTime(draft.endTime, `${prefix}.endTime`);
  if (minutesOfDay(end) <= minutesOfDay(start))
    throw SchedulingError.invalid(`${prefix}.endTime`, `must be after startTime ${draft.startTime}`);
  const validFrom = assertLocalDate(draft.validFrom, `${prefix}.validFrom`);
  const validUntil = draft.validUntil ? assertLocalDate(draft.validUntil, `${prefix}.validUntil`) : null;
  if (validUntil && validUntil < validFrom)
    throw SchedulingError.invalid(`${prefix}.validUntil`, `must not be before validFrom ${validFrom}`);
  const snpShare = draft.snpShare ?? 0;
  if (!Number.isFinite(snpShare) || snpShare < 0 || snpShare > 1)
    throw SchedulingError.invalid(`${prefix}.snpShare`, 'must be a share from 0 to 1');
  return {
    id: draft.id,
    structureId: draft.structureId,
    practitionerId: draft.practitionerId,
    siteId: draft.siteId,
    recurrence,
    startTime: draft.startTime,
    endTime: draft.endTime,
    validFrom,
    validUntil,
    motifIds: [...new Set(draft.motifIds ?? [])],
    snpShare,
    snpRelease: assertSnpReleaseRule(draft.snpRelease ?? DEFAULT_SNP_RELEASE, `${prefix}.snpRelease`),
  };
}

export function rangeAllowsMotif(range: Pick<OpeningRange, 'motifIds'>, motifId: string): boolean {
  return range.motifIds.length === 0 || range.motifIds.includes(motifId);
}

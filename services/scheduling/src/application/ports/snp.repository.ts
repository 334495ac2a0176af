import type { Motif } from '../../domain/motif';
import type { OpeningRange } from '../../domain/opening-range';
import type { SnpReleaseDue } from '../../domain/snp-release-schedule';

/** SNP capacity across structures: ranges holding slots back, their release announcements, CPTS pools. */
export abstract class SnpRepository {
  /** Ranges with an SNP share of current members, still valid from `since` (a local date), optionally of some practitioners. */
  abstract snpRanges(since: string, practitionerIds?: readonly string[]): Promise<OpeningRange[]>;

  /** Records an announcement once: false when it was already recorded (by this replica or another). */
  abstract recordRelease(due: SnpReleaseDue): Promise<boolean>;

  /** Current practitioners of a structure (a CPTS pools its practitioner members' SNP capacity). */
  abstract practitionersOf(structureId: string, profession?: string | null): Promise<string[]>;

  abstract motifsOf(structureIds: readonly string[]): Promise<Motif[]>;
}

import type { PractitionerInterval } from '../../domain/slot-generator';
import type { Motif } from '../../domain/motif';
import type { OpeningRange } from '../../domain/opening-range';

/** A directory site as scheduling's copy knows it. */
export interface SiteRef {
  siteId: string;
  structureId: string;
  timeZone: string;
}

/** A current member of a structure as scheduling's copy of the directory knows them. */
export interface TeamMember {
  memberId: string;
  structureId: string;
  profession: string;
  roles: string[];
  siteIds: string[];
}

export interface RangeFilter {
  structureId: string;
  from: string;
  to: string;
  motifId?: string;
  practitionerIds?: readonly string[];
  siteIds?: readonly string[];
  profession?: string | null;
}

/**
 * What slots and bookings are computed from: sites, team, motifs, ranges, exceptions and busy time; and the writes of
 * motifs and ranges (inside the caller's transaction).
 */
export abstract class AgendaRepository {
  abstract site(siteId: string): Promise<SiteRef | null>;

  abstract sites(siteIds: readonly string[]): Promise<SiteRef[]>;

  /** A current member of the structure. */
  abstract teamMember(memberId: string, structureId: string): Promise<TeamMember | null>;

  abstract motif(id: string): Promise<Motif | null>;

  /** Those offered (archived ones left out, unless asked for), by label. */
  abstract motifsOfStructure(structureId: string, options?: { includeArchived?: boolean }): Promise<Motif[]>;

  /** A structure's ranges (or one practitioner's), oldest first, whoever they belong to now. */
  abstract openingRangesOf(structureId: string, practitionerId: string | null): Promise<OpeningRange[]>;

  abstract motifsOf(structureId: string, ids: readonly string[]): Promise<Motif[]>;

  /** Ranges of current members valid at some point between two local dates, optionally narrowed. */
  abstract ranges(filter: RangeFilter): Promise<OpeningRange[]>;

  /**
   * Serialises, until the caller's transaction ends, everything that reads or changes when a practitioner can be booked
   * (bookings, holds, offers, absences): a booking then sees every absence committed before it, and an absence declared
   * meanwhile waits for it. Requires an active transaction.
   */
  abstract lockPractitionerAgenda(practitionerId: string): Promise<void>;

  abstract exceptions(practitionerIds: readonly string[], start: Date, end: Date): Promise<PractitionerInterval[]>;

  /**
   * Everything that takes a practitioner's time: live appointments, unexpired holds (a hold past its expiry no longer
   * takes anyone's time) and coordination meetings' blocks.
   */
  abstract busy(practitionerIds: readonly string[], start: Date, end: Date, now: Date): Promise<PractitionerInterval[]>;

  /** Live appointments and unexpired holds only: the time patients hold. */
  abstract patientBusy(
    practitionerIds: readonly string[],
    start: Date,
    end: Date,
    now: Date,
  ): Promise<PractitionerInterval[]>;

  /** Coordination meetings' blocks, but those of `ignoreMeetingId` (a meeting being moved does not hide its own time). */
  abstract meetingBusy(
    practitionerIds: readonly string[],
    start: Date,
    end: Date,
    ignoreMeetingId?: string | null,
  ): Promise<PractitionerInterval[]>;

  abstract insertMotif(motif: Motif): Promise<void>;

  abstract insertOpeningRange(range: OpeningRange): Promise<void>;
}

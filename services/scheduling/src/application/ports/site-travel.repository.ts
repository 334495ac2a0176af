import type { ZonedRange } from '../../domain/range-overlap';
import type { SitedInterval, SiteTravel } from '../../domain/site-travel';

/** Travel times between sites, and what a practitioner's multi-site day is checked against. */
export abstract class SiteTravelRepository {
  abstract ofStructure(structureId: string): Promise<SiteTravel[]>;

  /** Every pair with one of these sites at either end. */
  abstract involving(siteIds: readonly string[]): Promise<SiteTravel[]>;

  /** Sets a pair's minutes, or removes the pair with 0. */
  abstract set(travel: SiteTravel, by: string, at: Date): Promise<void>;

  /**
   * The practitioner's live appointments and unexpired holds overlapping [start, end), with their sites, but
   * `ignoreAppointmentId` (the appointment being moved).
   */
  abstract sitedBusy(
    practitionerId: string,
    start: Date,
    end: Date,
    now: Date,
    ignoreAppointmentId?: string | null,
  ): Promise<SitedInterval[]>;

  /** The practitioner's opening ranges at sites other than `siteId`, in any structure they still belong to. */
  abstract rangesElsewhere(practitionerId: string, siteId: string): Promise<ZonedRange[]>;
}

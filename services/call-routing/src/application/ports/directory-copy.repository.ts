export interface OpeningHours {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  opens: string;
  closes: string;
}

export interface SiteRef {
  siteId: string;
  structureId: string;
  timeZone: string;
  openingHours: OpeningHours[];
}

/** Call routing's copy of the directory's sites and memberships (ids, zones and hours only), fed by its events. */
export abstract class DirectoryCopyRepository {
  /** Upsert by site id; an older fact (by `at`) never overwrites a newer one. */
  abstract upsertSite(site: SiteRef, at: Date): Promise<void>;
  /** `siteIds`: where the member works in the structure (the directory's `siteIds`). */
  abstract upsertMember(
    memberId: string,
    structureId: string,
    profession: string,
    at: Date,
    siteIds?: readonly string[],
  ): Promise<void>;
  abstract markMemberLeft(memberId: string, structureId: string, at: Date): Promise<void>;
  abstract site(siteId: string): Promise<SiteRef | null>;
  /** Every site of the copy (the demo loader gives each a line). */
  abstract sites(): Promise<SiteRef[]>;
  /** The ids among `memberIds` that are current practitioners (any health profession) of the structure. */
  abstract currentMembers(structureId: string, memberIds: readonly string[]): Promise<string[]>;
}

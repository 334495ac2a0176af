/** A site as the directory describes it: its structure and time zone. */
export interface DirectorySite {
  siteId: string;
  structureId: string;
  timeZone: string;
}

/** A membership as the directory describes it: profession, roles and sites of a member in one structure. */
export interface DirectoryMembership {
  memberId: string;
  structureId: string;
  profession: string;
  roles: string[];
  siteIds: string[];
}

/**
 * Scheduling's copy of the directory (`site_ref`, `team_member`); writes join the caller's transaction.
 *
 * Order-safe: each write carries `asOf`, the time of the directory event it comes from, and a row keeps the time of
 * the last event applied to it; a write older than that is ignored, so an event delivered late (a replayed dead
 * letter) never undoes a newer one. Without `asOf` the write is a snapshot (the rebuild at boot, seeding): it only
 * lands on rows no event has written yet.
 */
export abstract class DirectoryCopyRepository {
  /** True when no site has been copied yet. */
  abstract isEmpty(): Promise<boolean>;

  abstract upsertSite(site: DirectorySite, asOf?: string): Promise<void>;

  /** A member who had left and joins again (a newer event) is current again. */
  abstract upsertMember(member: DirectoryMembership, asOf?: string): Promise<void>;

  /** Keeps the row of a member never seen before, as a tombstone, so that an older event cannot bring them back. */
  abstract memberLeft(memberId: string, structureId: string, leftAt: string, asOf?: string): Promise<void>;
}

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

/** Scheduling's copy of the directory (`site_ref`, `team_member`); writes join the caller's transaction. */
export abstract class DirectoryCopyRepository {
  /** True when no site has been copied yet. */
  abstract isEmpty(): Promise<boolean>;

  abstract upsertSite(site: DirectorySite): Promise<void>;

  /** A member who had left and joins again is current again. */
  abstract upsertMember(member: DirectoryMembership): Promise<void>;

  abstract memberLeft(memberId: string, structureId: string, leftAt: string): Promise<void>;
}

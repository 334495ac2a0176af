/** A member as coordination knows them, from the directory's events: profession, roles and sites, ids only. */
export interface TeamMember {
  memberId: string;
  structureId: string;
  profession: string;
  roles: string[];
  siteIds: string[];
  leftAt: Date | null;
}

export interface TeamSite {
  siteId: string;
  structureId: string;
  timeZone: string;
}

export abstract class TeamRepository {
  abstract upsertMember(member: TeamMember, at: Date): Promise<void>;
  abstract markLeft(memberId: string, structureId: string, at: Date): Promise<void>;
  abstract upsertSite(site: TeamSite, at: Date): Promise<void>;
  /** Current members of the structure among `memberIds` (those who left, or of another structure, are absent). */
  abstract members(structureId: string, memberIds: readonly string[]): Promise<TeamMember[]>;
  /** Every current member of the structure. */
  abstract structureMembers(structureId: string): Promise<TeamMember[]>;
  abstract site(siteId: string): Promise<TeamSite | null>;
  /** The zone the structure's meetings are told in: its first site's (Europe/Paris when it has none yet). */
  abstract structureTimeZone(structureId: string): Promise<string>;
  abstract isEmpty(): Promise<boolean>;
  /** Current members holding `role`, of every structure, by structure. */
  abstract withRole(role: string): Promise<TeamMember[]>;
}

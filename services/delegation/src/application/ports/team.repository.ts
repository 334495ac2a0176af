import type { DirectoryTeamMember } from '@msp/contracts';

/** A member as delegation knows them, from the directory's events: roles, sites and referents, ids only. */
export interface TeamMember extends DirectoryTeamMember {
  leftAt: Date | null;
}

export abstract class TeamRepository {
  abstract upsertMember(member: TeamMember, at: Date): Promise<void>;
  abstract markLeft(memberId: string, structureId: string, at: Date): Promise<void>;
  abstract upsertSite(siteId: string, structureId: string, at: Date): Promise<void>;
  /** A current member of the structure, or null (left, unknown, or of another structure). */
  abstract member(structureId: string, memberId: string): Promise<TeamMember | null>;
  abstract siteStructure(siteId: string): Promise<string | null>;
  /** Current members paired with a medical referent (the delegates), of every structure, by structure. */
  abstract delegates(): Promise<TeamMember[]>;
  /** Every current member of every structure, by structure then member id. */
  abstract currentMembers(): Promise<TeamMember[]>;
  abstract isEmpty(): Promise<boolean>;
  abstract upsertAbsence(absenceId: string, memberId: string, startsAt: Date, endsAt: Date): Promise<void>;
  abstract endAbsence(absenceId: string, memberId: string, endsAt: Date): Promise<void>;
  /** Those of `memberIds` who are away at `at`. */
  abstract awayAt(memberIds: string[], at: Date): Promise<Set<string>>;
  /** Everyone away at `at`, for moving on what waits on them. */
  abstract allAwayAt(at: Date): Promise<string[]>;
}

import type { MemberJoinedV1 } from '../events/directory/member-joined.v1';
import type { MemberUpdatedV1 } from '../events/directory/member-updated.v1';

/** A membership as the directory tells it, in its member events and in its team snapshot: ids only. */
export interface DirectoryTeamMember {
  memberId: string;
  structureId: string;
  profession: string;
  roles: string[];
  siteIds: string[];
  /** A delegate's referent physician and backup; null when none. */
  referentId: string | null;
  backupReferentId: string | null;
}

/** A site as the directory's team snapshot tells it; the time zone is null where an answer lacks it. */
export interface DirectoryTeamSite {
  siteId: string;
  structureId: string;
  timeZone: string | null;
}

/**
 * The directory's internal team snapshot (`GET /internal/team`): every site and current membership, what its events
 * say in one answer, for a service whose event-fed copy of the team is empty.
 */
export interface DirectoryTeam {
  sites: DirectoryTeamSite[];
  members: DirectoryTeamMember[];
}

/** The answer as it comes over the wire: another service wrote it, so anything may be missing. */
export type DirectoryTeamAnswer = Partial<{
  sites: Array<Partial<DirectoryTeamSite>>;
  members: Array<Partial<DirectoryTeamMember>>;
}>;

/** The membership a member event describes, as the snapshot would (referents null when the event has none). */
export function directoryTeamMemberOf(data: MemberJoinedV1 | MemberUpdatedV1): DirectoryTeamMember {
  return {
    memberId: data.memberId,
    structureId: data.structureId,
    profession: data.profession,
    roles: data.roles,
    siteIds: data.siteIds,
    referentId: data.referentId ?? null,
    backupReferentId: data.backupReferentId ?? null,
  };
}

/** Only what holds together: sites and members without their ids are dropped, the rest defaulted. */
export function readDirectoryTeam(answer: DirectoryTeamAnswer): DirectoryTeam {
  return {
    sites: (answer.sites ?? []).flatMap(({ siteId, structureId, timeZone }) =>
      siteId && structureId ? [{ siteId, structureId, timeZone: timeZone || null }] : [],
    ),
    members: (answer.members ?? []).flatMap(({ memberId, structureId, ...m }) =>
      memberId && structureId
        ? [
            {
              memberId,
              structureId,
              profession: m.profession ?? 'unknown',
              roles: m.roles ?? [],
              siteIds: m.siteIds ?? [],
              referentId: m.referentId ?? null,
              backupReferentId: m.backupReferentId ?? null,
            },
          ]
        : [],
    ),
  };
}

import { Injectable } from '@nestjs/common';
import type { DirectoryTeamMember } from '@msp/contracts';
import { MemberRepository } from '../ports/member.repository';
import { MembershipRepository } from '../ports/membership.repository';
import { SiteRepository } from '../ports/site.repository';

/** What `GET /internal/team` answers, as other services read it (`DirectoryTeam` of @msp/contracts), every zone known. */
export interface TeamSnapshot {
  sites: Array<{ siteId: string; structureId: string; timeZone: string }>;
  members: DirectoryTeamMember[];
}

/**
 * Every site and current membership, ids only: what the directory's events tell other services, in one answer, so a
 * service whose event-fed copy is empty (a new Kafka in front of an existing directory) can rebuild it.
 */
@Injectable()
export class TeamSnapshotQuery {
  constructor(
    private readonly sites: SiteRepository,
    private readonly members: MemberRepository,
    private readonly memberships: MembershipRepository,
  ) {}

  async current(): Promise<TeamSnapshot> {
    const [sites, memberships, professions] = await Promise.all([
      this.sites.all(),
      this.memberships.allCurrent(),
      this.members.professions(),
    ]);
    return {
      sites: sites.map((s) => ({ siteId: s.id, structureId: s.structureId, timeZone: s.timeZone })),
      members: memberships.map((m) => ({
        memberId: m.memberId,
        structureId: m.structureId,
        profession: professions.get(m.memberId) ?? 'unknown',
        roles: m.roles,
        siteIds: m.siteIds,
        referentId: m.referentId,
        backupReferentId: m.backupReferentId,
      })),
    };
  }
}

import { Injectable } from '@nestjs/common';
import { directoryTeamMemberOf, type EventPayloads } from '@msp/contracts';
import type { RebuildableCopy } from '@msp/service-kit';
import type { TeamSnapshot } from '../ports/team-directory.port';
import { TeamRepository } from '../ports/team.repository';

type MemberFacts = EventPayloads['directory.member.joined.v1'] | EventPayloads['directory.member.updated.v1'];

/**
 * Members (profession, roles, sites) and sites (time zone) from the directory's events or its snapshot: upserted by id
 * with the fact's instant, so a replay or a late event never overwrites a newer fact.
 */
@Injectable()
export class TeamProjection implements RebuildableCopy<TeamSnapshot> {
  constructor(private readonly team: TeamRepository) {}

  memberChanged(data: MemberFacts, at: string): Promise<void> {
    return this.team.upsertMember({ ...directoryTeamMemberOf(data), leftAt: null }, new Date(at));
  }

  memberLeft(data: EventPayloads['directory.member.left.v1']): Promise<void> {
    return this.team.markLeft(data.memberId, data.structureId, new Date(data.leftAt));
  }

  siteOpened(data: EventPayloads['directory.site.opened.v1']): Promise<void> {
    return this.team.upsertSite(
      { siteId: data.siteId, structureId: data.structureId, timeZone: data.timeZone },
      new Date(data.openedAt),
    );
  }

  isEmpty(): Promise<boolean> {
    return this.team.isEmpty();
  }

  async applySnapshot(snapshot: TeamSnapshot, at: Date): Promise<void> {
    for (const site of snapshot.sites) await this.team.upsertSite(site, at);
    for (const member of snapshot.members) await this.team.upsertMember({ ...member, leftAt: null }, at);
  }
}

import { Injectable } from '@nestjs/common';
import type { EventPayloads } from '@msp/contracts';
import { TeamRepository } from '../ports/team.repository';

type MemberFacts = EventPayloads['directory.member.joined.v1'] | EventPayloads['directory.member.updated.v1'];

/**
 * Members (profession, roles, sites) and sites (time zone) from the directory's events: upserted by id with the
 * event's instant, so a replay or a late event never overwrites a newer fact.
 */
@Injectable()
export class TeamProjection {
  constructor(private readonly team: TeamRepository) {}

  memberChanged(data: MemberFacts, at: string): Promise<void> {
    return this.team.upsertMember(
      {
        memberId: data.memberId,
        structureId: data.structureId,
        profession: data.profession,
        roles: data.roles,
        siteIds: data.siteIds,
        leftAt: null,
      },
      new Date(at),
    );
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
}

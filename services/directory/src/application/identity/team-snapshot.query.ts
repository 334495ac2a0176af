import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { MemberEntity, MembershipEntity, SiteEntity } from '../../infrastructure/entities';

export interface TeamSnapshot {
  sites: Array<{ siteId: string; structureId: string; timeZone: string }>;
  members: Array<{ memberId: string; structureId: string; profession: string; roles: string[]; siteIds: string[] }>;
}

/**
 * Every site and current membership, ids only: what the directory's events tell other services, in one answer, so a
 * service whose event-fed copy is empty (a new Kafka in front of an existing directory) can rebuild it.
 */
@Injectable()
export class TeamSnapshotQuery {
  constructor(private readonly db: DataSource) {}

  async current(): Promise<TeamSnapshot> {
    const [sites, memberships, members] = await Promise.all([
      this.db.getRepository(SiteEntity).find({ order: { id: 'ASC' } }),
      this.db.getRepository(MembershipEntity).find({ where: { leftAt: IsNull() }, order: { memberId: 'ASC' } }),
      this.db.getRepository(MemberEntity).find({ select: { id: true, profession: true } }),
    ]);
    const professions = new Map(members.map((m) => [m.id, m.profession]));
    return {
      sites: sites.map((s) => ({ siteId: s.id, structureId: s.structureId, timeZone: s.timeZone })),
      members: memberships.map((m) => ({
        memberId: m.memberId,
        structureId: m.structureId,
        profession: professions.get(m.memberId) ?? 'unknown',
        roles: m.roles,
        siteIds: m.siteIds,
      })),
    };
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import type { UserContext } from '@msp/auth';
import { MemberEntity, MembershipEntity } from '../../infrastructure/entities';

/** The caller context the gateway signs for subgraphs: current memberships only, ids only. */
@Injectable()
export class MemberContextQuery {
  constructor(private readonly db: DataSource) {}

  async byMemberId(memberId: string): Promise<UserContext | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(memberId)) return undefined;
    const memberships = await this.db.getRepository(MembershipEntity).findBy({ memberId, leftAt: IsNull() });
    if (!memberships.length) return undefined;
    return {
      memberId,
      memberships: memberships.map((m) => ({ structureId: m.structureId, roles: m.roles, siteIds: m.siteIds })),
    };
  }

  async idByEmail(email: string): Promise<string | undefined> {
    const member = await this.db
      .getRepository(MemberEntity)
      .createQueryBuilder('m')
      .where('lower(m.email) = lower(:email)', { email })
      .getOne();
    return member?.id;
  }
}

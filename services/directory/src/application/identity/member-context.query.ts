import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { MemberRepository } from '../ports/member.repository';
import { MembershipRepository } from '../ports/membership.repository';

/** The caller context the gateway signs for subgraphs: current memberships only, ids only. */
@Injectable()
export class MemberContextQuery {
  constructor(
    private readonly members: MemberRepository,
    private readonly memberships: MembershipRepository,
  ) {}

  async byMemberId(memberId: string): Promise<UserContext | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(memberId)) return undefined;
    const memberships = await this.memberships.currentOfMember(memberId);
    if (!memberships.length) return undefined;
    return {
      memberId,
      memberships: memberships.map((m) => ({ structureId: m.structureId, roles: m.roles, siteIds: m.siteIds })),
    };
  }

  async idByEmail(email: string): Promise<string | undefined> {
    return (await this.members.findByEmail(email))?.id;
  }
}

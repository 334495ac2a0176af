import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { DirectoryError, DirectoryErrorCode } from '../../domain/directory-error';
import { assertRpps } from '../../domain/rpps';
import { type Member, MemberRepository } from '../ports/member.repository';
import { MembershipRepository } from '../ports/membership.repository';
import { SiteRepository } from '../ports/site.repository';
import { PERMISSIONS } from '../permissions';
import { checkReferents } from './delegation-referents';
import { checkProfession, checkRoles, checkSites } from './member-fields';

export interface UpdateMemberInput {
  memberId: string;
  structureId: string;
  profession?: string | null;
  rpps?: string | null;
  roles?: string[] | null;
  siteIds?: string[] | null;
  referentId?: string | null;
  backupReferentId?: string | null;
}

@Injectable()
export class UpdateMemberHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly members: MemberRepository,
    private readonly memberships: MembershipRepository,
    private readonly sites: SiteRepository,
  ) {}

  async execute(user: UserContext, input: UpdateMemberInput): Promise<Member> {
    assertStructureAccess(user, input.structureId, PERMISSIONS.manageMembers);
    return this.transactions.run(async () => {
      const current = await this.memberships.lock(input.memberId, input.structureId);
      const found = await this.members.findById(input.memberId);
      if (!current || current.leftAt || !found) throw DirectoryError.notFound('Member', 'input.memberId');
      const member = { ...found };
      const membership = { ...current };
      if (input.profession) member.profession = checkProfession(input.profession);
      if (input.rpps !== undefined) member.rpps = input.rpps ? assertRpps(input.rpps, 'input.rpps') : null;
      await this.refuseSharedIdentityChange(found, member, input.structureId);
      if (input.roles) membership.roles = checkRoles(input.roles);
      if (input.siteIds) membership.siteIds = await checkSites(this.sites, input.structureId, input.siteIds);
      const referents = await checkReferents(
        this.memberships,
        input.structureId,
        membership.roles,
        {
          referentId: input.referentId !== undefined ? input.referentId : membership.referentId,
          backupReferentId: input.backupReferentId !== undefined ? input.backupReferentId : membership.backupReferentId,
        },
        member.id,
      );
      Object.assign(membership, referents);
      await this.members.update(member);
      await this.memberships.update(membership);
      await this.outbox.record('directory.member.updated.v1', {
        memberId: member.id,
        structureId: input.structureId,
        profession: member.profession,
        roles: membership.roles,
        siteIds: membership.siteIds,
        // Always sent, null when none: a consumer upserting the whole state sees a referent cleared.
        referentId: membership.referentId,
        backupReferentId: membership.backupReferentId,
        rpps: member.rpps,
        updatedAt: this.clock.now().toISOString(),
      });
      return member;
    });
  }

  /**
   * Profession and RPPS belong to the person, not to one membership: a member who also works in another structure keeps
   * them unless every structure agrees, so one structure's administrator cannot change them alone. Roles, sites and
   * referents are the membership's and stay editable.
   */
  private async refuseSharedIdentityChange(before: Member, after: Member, structureId: string): Promise<void> {
    const changed = (['profession', 'rpps'] as const).find((field) => before[field] !== after[field]);
    if (!changed) return;
    const elsewhere = (await this.memberships.currentOfMember(before.id)).some((m) => m.structureId !== structureId);
    if (elsewhere)
      throw new DirectoryError(
        DirectoryErrorCode.SharedIdentity,
        `input.${changed}: this member also works in another structure, so their ${changed === 'rpps' ? 'RPPS number' : 'profession'} cannot be changed by one structure; the platform's support changes it at the member's request`,
        `input.${changed}`,
      );
  }
}

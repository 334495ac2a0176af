import { randomUUID } from 'node:crypto';
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
import { checkEmail, checkName, checkProfession, checkRoles, checkSites } from './member-fields';

export interface AddMemberInput {
  structureId: string;
  firstName: string;
  lastName: string;
  email: string;
  profession: string;
  rpps?: string | null;
  roles: string[];
  siteIds: string[];
  referentId?: string | null;
  backupReferentId?: string | null;
}

/**
 * An administrator adds a professional to their structure. A person already on the platform (same e-mail, in another
 * structure) gains a membership only when the identity given is exactly the one on file, so that adding an e-mail never
 * reveals a record the caller did not already know.
 */
@Injectable()
export class AddMemberHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly members: MemberRepository,
    private readonly memberships: MembershipRepository,
    private readonly sites: SiteRepository,
  ) {}

  async execute(user: UserContext, input: AddMemberInput): Promise<Member> {
    assertStructureAccess(user, input.structureId, PERMISSIONS.manageMembers);
    const profession = checkProfession(input.profession);
    const roles = checkRoles(input.roles);
    const email = checkEmail(input.email, 'input.email');
    const rpps = input.rpps ? assertRpps(input.rpps, 'input.rpps') : null;
    const firstName = checkName(input.firstName, 'input.firstName');
    const lastName = checkName(input.lastName, 'input.lastName');
    return this.transactions.run(async () => {
      const siteIds = await checkSites(this.sites, input.structureId, input.siteIds);
      const known = await this.members.findByEmail(email);
      const previous = known && (await this.memberships.find(known.id, input.structureId));
      if (previous && !previous.leftAt)
        throw new DirectoryError(
          DirectoryErrorCode.AlreadyMember,
          'This person is already a member of the structure',
          'input.email',
        );
      // A member coming back was this structure's before: it already knew their record.
      if (known && !previous) refuseOtherIdentity(known, { firstName, lastName, profession, rpps });
      const now = this.clock.now();
      const member: Member = known ?? {
        id: randomUUID(),
        firstName,
        lastName,
        email,
        rpps,
        profession,
        createdAt: now,
      };
      const referents = await checkReferents(this.memberships, input.structureId, roles, input, member.id);
      if (!known) await this.members.insert(member);
      const membership = {
        memberId: member.id,
        structureId: input.structureId,
        roles,
        siteIds,
        ...referents,
        joinedAt: now,
        leftAt: null,
      };
      // Someone who left and comes back gets their membership row back, with today's roles and sites.
      await (previous ? this.memberships.update(membership) : this.memberships.insert(membership));
      await this.outbox.record('directory.member.joined.v1', {
        memberId: member.id,
        structureId: input.structureId,
        profession: member.profession,
        roles,
        siteIds,
        referentId: membership.referentId,
        backupReferentId: membership.backupReferentId,
        rpps: member.rpps,
        joinedAt: now.toISOString(),
      });
      return member;
    });
  }
}

/**
 * Refuses an e-mail already on the platform given with another identity, without saying which field differs: the caller
 * learns nothing of the record on file beyond what they typed. Names compare without case or surrounding spaces.
 */
export function refuseOtherIdentity(
  known: Member,
  given: Pick<Member, 'firstName' | 'lastName' | 'profession' | 'rpps'>,
  field = 'input.email',
): void {
  const same = (a: string, b: string) => a.localeCompare(b, 'fr', { sensitivity: 'accent' }) === 0;
  const matches =
    same(known.firstName, given.firstName) &&
    same(known.lastName, given.lastName) &&
    known.profession === given.profession &&
    known.rpps === given.rpps;
  if (!matches)
    throw new DirectoryError(
      DirectoryErrorCode.IdentityMismatch,
      `${field}: this e-mail belongs to a professional registered with another identity (name, profession or RPPS); check them with the person, or use another e-mail`,
      field,
    );
}

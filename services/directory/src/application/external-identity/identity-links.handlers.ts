import { Injectable } from '@nestjs/common';
import { ForbiddenError, hasRoleIn, type UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { DirectoryError, DirectoryErrorCode, directoryInput } from '../../domain/directory-error';
import { type IdentityLink, type IdentityLinkAudit, IdentityLinkRepository } from '../ports/identity-link.repository';
import { MembershipRepository } from '../ports/membership.repository';
import { PERMISSIONS } from '../permissions';

export interface LinkIdentityInput {
  memberId: string;
  issuer: string;
  subject: string;
}

export interface UnlinkIdentityInput {
  issuer: string;
  subject: string;
}

/**
 * An administrator manages the identity links of the members of their own structure. A member of no structure the
 * caller administers is NOT_FOUND, as everywhere, and a non-administrator inside it FORBIDDEN.
 */
@Injectable()
export class IdentityLinkAdministration {
  constructor(private readonly memberships: MembershipRepository) {}

  async assertManages(user: UserContext, memberId: string, field: string): Promise<void> {
    const structures = (await this.memberships.currentOfMember(memberId)).map((m) => m.structureId);
    const shared = structures.filter((s) => user.memberships.some((m) => m.structureId === s));
    if (!shared.length) throw DirectoryError.notFound('Member', field);
    if (!shared.some((s) => hasRoleIn(user, s, PERMISSIONS.manageIdentityLinks)))
      throw new ForbiddenError(`This requires one of the roles: ${PERMISSIONS.manageIdentityLinks.join(', ')}`);
  }
}

/** Checks an issuer URL and a subject the way every identity-link operation takes them. */
function checkedIdentity(issuer: string, subject: string): { issuer: string; subject: string } {
  if (!/^https?:\/\/\S+$/.test(issuer)) throw DirectoryError.invalid('input.issuer', 'must be the issuer URL (iss)');
  const trimmed = directoryInput.text(subject, 'input.subject').trim();
  if (!trimmed) throw DirectoryError.invalid('input.subject', 'is required');
  return { issuer, subject: trimmed };
}

/**
 * An explicit link: from now on the issuer's subject signs in as this member, whatever its claims say (a practitioner
 * whose RPPS the issuer does not carry, an e-mail the issuer does not verify). Idempotent for the same member.
 */
@Injectable()
export class LinkIdentityHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly links: IdentityLinkRepository,
    private readonly administration: IdentityLinkAdministration,
  ) {}

  async execute(user: UserContext, input: LinkIdentityInput): Promise<IdentityLink> {
    const memberId = directoryInput.uuid(input.memberId, 'input.memberId');
    const { issuer, subject } = checkedIdentity(input.issuer, input.subject);
    await this.administration.assertManages(user, memberId, 'input.memberId');
    return this.transactions.run(async () => {
      const link: IdentityLink = {
        issuer,
        subject,
        memberId,
        rule: 'administrator',
        createdAt: this.clock.now(),
        createdBy: user.memberId,
      };
      if (!(await this.links.insert(link))) {
        const existing = await this.links.find(issuer, subject);
        if (existing?.memberId === memberId) return existing;
        throw new DirectoryError(
          DirectoryErrorCode.IdentityAlreadyLinked,
          'input.subject: this identity already signs in as another member: remove that link first',
          'input.subject',
        );
      }
      await this.links.audit({ at: link.createdAt, action: 'linked', ...link, actorId: user.memberId });
      return link;
    });
  }
}

/** Removes a link, explicit or made at sign-in; the subject's next sign-in is matched by its claims again. */
@Injectable()
export class UnlinkIdentityHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly links: IdentityLinkRepository,
    private readonly administration: IdentityLinkAdministration,
  ) {}

  async execute(user: UserContext, input: UnlinkIdentityInput): Promise<boolean> {
    const { issuer, subject } = checkedIdentity(input.issuer, input.subject);
    const link = await this.links.find(issuer, subject);
    if (!link) throw DirectoryError.notFound('Identity link', 'input.subject');
    await this.administration.assertManages(user, link.memberId, 'input.subject');
    return this.transactions.run(async () => {
      await this.links.delete(issuer, subject);
      await this.links.audit({
        at: this.clock.now(),
        action: 'unlinked',
        issuer,
        subject,
        memberId: link.memberId,
        rule: link.rule,
        actorId: user.memberId,
      });
      return true;
    });
  }
}

/** A member's links and their trail, for the administrators of their structure. */
@Injectable()
export class IdentityLinksQuery {
  constructor(
    private readonly links: IdentityLinkRepository,
    private readonly administration: IdentityLinkAdministration,
  ) {}

  async of(user: UserContext, memberId: string): Promise<{ links: IdentityLink[]; trail: IdentityLinkAudit[] }> {
    const id = directoryInput.uuid(memberId, 'memberId');
    await this.administration.assertManages(user, id, 'memberId');
    return { links: await this.links.ofMember(id), trail: await this.links.auditOf(id) };
  }
}

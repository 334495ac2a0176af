import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import {
  decideLink,
  type IdentityClaims,
  type LinkRule,
  rppsOfClaim,
  verifiedEmailOf,
} from '../../domain/identity-link';
import { IdentityLinkRepository } from '../ports/identity-link.repository';
import { MemberRepository } from '../ports/member.repository';

export interface ExternalIdentity {
  /** The token's `iss`, exactly as the gateway verified it. */
  issuer: string;
  /** The token's `sub`: stable per issuer, never reused for another person. */
  subject: string;
  claims: IdentityClaims;
}

export interface ResolvedIdentity {
  memberId: string;
  rule: LinkRule;
  /** True when this sign-in made the link (first sign-in of that subject). */
  linkedNow: boolean;
}

/**
 * Which member a verified external token stands for. A link already made (by an administrator, or at an earlier
 * sign-in) decides; otherwise the issuer's RPPS claim, then its verified e-mail, find the member, and the link is stored
 * and audited so later sign-ins no longer depend on the claims. `undefined` when nothing links the subject to a member.
 */
@Injectable()
export class ResolveExternalIdentityHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly links: IdentityLinkRepository,
    private readonly members: MemberRepository,
  ) {}

  async execute(identity: ExternalIdentity): Promise<ResolvedIdentity | undefined> {
    const existing = await this.links.find(identity.issuer, identity.subject);
    if (existing) return { memberId: existing.memberId, rule: existing.rule, linkedNow: false };

    const rpps = rppsOfClaim(identity.claims.rpps);
    const email = verifiedEmailOf(identity.claims);
    const decision = decideLink({
      byRpps: rpps ? (await this.members.findByRpps(rpps))?.id : undefined,
      byVerifiedEmail: email ? (await this.members.findByEmail(email))?.id : undefined,
    });
    if (!decision) return undefined;

    return this.transactions.run(async () => {
      const at = this.clock.now();
      const inserted = await this.links.insert({
        issuer: identity.issuer,
        subject: identity.subject,
        memberId: decision.memberId,
        rule: decision.rule,
        createdAt: at,
        createdBy: null,
      });
      if (!inserted) {
        // A concurrent first sign-in of the same subject linked it first: its link is the one that stands.
        const winner = await this.links.find(identity.issuer, identity.subject);
        if (winner) return { memberId: winner.memberId, rule: winner.rule, linkedNow: false };
      }
      await this.links.audit({
        at,
        action: 'linked',
        issuer: identity.issuer,
        subject: identity.subject,
        memberId: decision.memberId,
        rule: decision.rule,
        actorId: null,
      });
      return { ...decision, linkedNow: true };
    });
  }
}

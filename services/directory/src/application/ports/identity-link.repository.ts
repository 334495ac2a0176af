import type { LinkRule } from '../../domain/identity-link';

/** An external issuer's subject (`iss`, `sub` of its tokens) standing for one member. */
export interface IdentityLink {
  issuer: string;
  subject: string;
  memberId: string;
  rule: LinkRule;
  createdAt: Date;
  /** The administrator who made an explicit link; null for a link made at sign-in. */
  createdBy: string | null;
}

/** One line of the links' audit trail: every link made or removed, by whom and by which rule. */
export interface IdentityLinkAudit {
  at: Date;
  action: 'linked' | 'unlinked';
  issuer: string;
  subject: string;
  memberId: string;
  rule: LinkRule;
  /** The administrator; null when the sign-in itself made the link. */
  actorId: string | null;
}

export abstract class IdentityLinkRepository {
  abstract find(issuer: string, subject: string): Promise<IdentityLink | null>;
  abstract ofMember(memberId: string): Promise<IdentityLink[]>;
  /** False when (issuer, subject) is linked already: a concurrent first sign-in won, and its link stands. */
  abstract insert(link: IdentityLink): Promise<boolean>;
  abstract delete(issuer: string, subject: string): Promise<void>;
  abstract audit(entry: IdentityLinkAudit): Promise<void>;
  /** The audit trail of a member's links, newest first. */
  abstract auditOf(memberId: string): Promise<IdentityLinkAudit[]>;
}

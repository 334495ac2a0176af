import { rppsOrUndefined } from './rpps';

/**
 * How an external issuer's subject came to name a member: an administrator said so, or the first sign-in matched a
 * claim the issuer vouches for (the RPPS number, or an e-mail address the issuer marked verified).
 */
export const LINK_RULES = ['administrator', 'rpps', 'verified_email'] as const;
export type LinkRule = (typeof LINK_RULES)[number];

/** What the gateway read in a verified token of an external issuer, already narrowed to the claims we match on. */
export interface IdentityClaims {
  /** The claim the issuer's configuration names as carrying the RPPS (Keycloak attribute, PSC national id). */
  rpps?: string | null;
  email?: string | null;
  /** Only `true` lets the e-mail match: an unverified address is whatever the user typed. */
  emailVerified?: boolean | null;
}

/** The member a claim matches, found by the application layer; `undefined` when no member has it. */
export interface ClaimMatches {
  byRpps?: string;
  byVerifiedEmail?: string;
}

export interface LinkDecision {
  memberId: string;
  rule: LinkRule;
}

/**
 * The RPPS a claim carries. Pro Santé Connect names practitioners by their national identifier, `8` followed by the
 * RPPS; a bare 11-digit RPPS (a Keycloak attribute) is taken as is. Anything failing the Luhn check matches nobody.
 */
export function rppsOfClaim(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const compact = value.replace(/\s+/g, '');
  const rpps = /^8\d{11}$/.test(compact) ? compact.slice(1) : compact;
  return rppsOrUndefined(rpps);
}

/** The e-mail a token may be matched by: present, and vouched for by the issuer. */
export function verifiedEmailOf(claims: IdentityClaims): string | undefined {
  if (claims.emailVerified !== true) return undefined;
  const email = claims.email?.trim().toLowerCase();
  return email && email.includes('@') ? email : undefined;
}

/**
 * Which member a first sign-in is linked to: the RPPS first (a national register's number names one professional),
 * then a verified e-mail. An existing link, explicit or made at an earlier sign-in, is decided before this is asked.
 */
export function decideLink(matches: ClaimMatches): LinkDecision | undefined {
  if (matches.byRpps) return { memberId: matches.byRpps, rule: 'rpps' };
  if (matches.byVerifiedEmail) return { memberId: matches.byVerifiedEmail, rule: 'verified_email' };
  return undefined;
}

import { AuthenticationError, type VerifiedToken } from '@msp/auth';
import { InternalCallError, InternalHttpClient, InternalRejectedError } from '@msp/messaging';
import type { LoggerService } from '@nestjs/common';
import type { ExternalIssuer } from '../config/gateway.config';
import { ExpiringCache } from '@msp/service-kit';
import { ServiceUnavailableError } from './service-unavailable.error';

/** The directory's answer for a subject that no link, RPPS or verified e-mail names. */
export const IDENTITY_NOT_LINKED = 'DIRECTORY.IDENTITY_NOT_LINKED';
const UNAVAILABLE =
  'The member directory cannot be reached right now, so your identity cannot be checked: retry shortly';

/** The claims the directory matches on, read from a verified token as its issuer's configuration says. */
export interface MatchingClaims {
  rpps?: string;
  email?: string;
  emailVerified: boolean;
}

export function matchingClaimsOf(token: VerifiedToken, issuer: ExternalIssuer): MatchingClaims {
  const claims = token.claims;
  const raw = issuer.rppsClaim ? claims[issuer.rppsClaim] : undefined;
  const rpps = typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : undefined;
  if (!issuer.matchVerifiedEmail) return { rpps, emailVerified: false };
  const email = typeof claims.email === 'string' ? claims.email : undefined;
  // Some issuers send the flag as a string; anything but an explicit true leaves the e-mail unverified.
  const verified = claims.email_verified === true || claims.email_verified === 'true';
  return { rpps, email, emailVerified: verified };
}

type Directory = Pick<InternalHttpClient, 'post'>;
type Log = Pick<LoggerService, 'warn' | 'error'>;

export interface ExternalIdentitiesOptions {
  /** How long an (issuer, subject) → member answer is reused: an unlink takes effect within it. */
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

/**
 * Which member a verified token of an external issuer stands for, asked of the directory (which links the subject at
 * its first sign-in, ADR 0019) and kept briefly. Only the member id is kept: the member's roles are still read through
 * the member contexts, so a member who left is refused at once whatever this cache holds.
 */
export class ExternalIdentities {
  private readonly issuers: Map<string, ExternalIssuer>;
  private readonly known: ExpiringCache<string, string>;
  private readonly pending = new Map<string, Promise<string>>();

  constructor(
    issuers: readonly ExternalIssuer[],
    private readonly directory: Directory,
    private readonly log: Log,
    options: ExternalIdentitiesOptions = {},
  ) {
    this.issuers = new Map(issuers.map((i) => [i.issuer, i]));
    this.known = new ExpiringCache({
      ttlMs: options.ttlMs ?? 30_000,
      maxEntries: options.maxEntries ?? 10_000,
      now: options.now,
    });
  }

  /** True when `issuer`'s subjects are matched to members rather than being member ids. */
  isExternal(issuer: string): boolean {
    return this.issuers.has(issuer);
  }

  memberOf(token: VerifiedToken, correlationId?: string): Promise<string> {
    const issuer = this.issuers.get(token.issuer);
    if (!issuer) throw new Error(`${token.issuer} is not an external issuer`);
    const key = `${token.issuer}\n${token.subject}`;
    const cached = this.known.get(key);
    if (cached) return Promise.resolve(cached);
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.ask(key, token, issuer, correlationId).finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
    }
    return pending;
  }

  private async ask(key: string, token: VerifiedToken, issuer: ExternalIssuer, correlationId?: string) {
    let answer: { memberId?: unknown };
    try {
      answer = await this.directory.post<{ memberId?: unknown }>(
        '/internal/identities/resolve',
        { issuer: token.issuer, subject: token.subject, claims: matchingClaimsOf(token, issuer) },
        correlationId,
      );
    } catch (error) {
      throw this.refusal(error);
    }
    if (typeof answer?.memberId !== 'string') {
      this.log.error({ msg: 'directory answered a malformed identity resolution' });
      throw new ServiceUnavailableError(UNAVAILABLE);
    }
    this.known.set(key, answer.memberId);
    return answer.memberId;
  }

  private refusal(error: unknown): Error {
    if (error instanceof InternalRejectedError && error.status === 404 && error.code === IDENTITY_NOT_LINKED) {
      return new AuthenticationError('UNLINKED_IDENTITY');
    }
    if (error instanceof InternalRejectedError) {
      this.log.error({ msg: 'directory refused the identity resolution', status: error.status, code: error.code });
      return new ServiceUnavailableError(UNAVAILABLE);
    }
    if (error instanceof InternalCallError) {
      this.log.warn({ msg: 'directory unavailable for identity resolution', failure: error.failure });
      return new ServiceUnavailableError(UNAVAILABLE);
    }
    return error instanceof Error ? error : new Error(String(error));
  }
}

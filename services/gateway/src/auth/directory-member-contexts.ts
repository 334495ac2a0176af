import { AuthenticationError, type UserContext } from '@msp/auth';
import { InternalCallError, InternalHttpClient, InternalRejectedError } from '@msp/messaging';
import type { LoggerService } from '@nestjs/common';
import { ExpiringCache } from '@msp/service-kit';
import { ServiceUnavailableError } from './service-unavailable.error';
import { parseUserContext } from './user-context.parser';

/** The directory's answer for a member it does not know. */
export const MEMBER_NOT_FOUND = 'DIRECTORY.MEMBER_NOT_FOUND';
const UNAVAILABLE = 'The member directory cannot be reached right now, so your access cannot be checked: retry shortly';

export interface DirectoryMemberContextsOptions {
  /** How long a resolved context is reused without asking the directory again. */
  ttlMs?: number;
  /**
   * How long after it was last verified a context may still be served while the directory cannot be reached (0: never).
   * Only while `changesHeard()` says that the directory's member changes reach `forget` at once.
   */
  maxStaleMs?: number;
  /** True while the directory's member changes are being heard; without it no stale context is served. */
  changesHeard?: () => boolean;
  maxEntries?: number;
  /** Milliseconds clock; tests move it. */
  now?: () => number;
}

type Directory = Pick<InternalHttpClient, 'get'>;
type Log = Pick<LoggerService, 'warn' | 'error'>;

/**
 * Who a verified member is on the platform (structures, roles, sites), asked of the directory's internal API and kept
 * briefly so that each request does not cost a call. Concurrent requests of one member share one call. While the
 * directory cannot be reached, a member's last verified context keeps being served for a bounded time, so a directory
 * outage does not stop the practice; any change to the member announced by the directory (`forget`) ends that at once.
 */
export class DirectoryMemberContexts {
  private readonly fresh: ExpiringCache<string, UserContext>;
  private readonly lastVerified: ExpiringCache<string, UserContext>;
  private readonly pending = new Map<string, Promise<UserContext>>();
  /** Members changed while their lookup was under way: that answer may predate the change and is not kept. */
  private readonly changedDuringLookup = new Set<string>();
  private readonly changesHeard: () => boolean;

  constructor(
    private readonly directory: Directory,
    private readonly log: Log,
    options: DirectoryMemberContextsOptions = {},
  ) {
    const maxEntries = options.maxEntries ?? 10_000;
    this.fresh = new ExpiringCache({ ttlMs: options.ttlMs ?? 30_000, maxEntries, now: options.now });
    this.lastVerified = new ExpiringCache({ ttlMs: options.maxStaleMs ?? 0, maxEntries, now: options.now });
    this.changesHeard = options.changesHeard ?? (() => false);
  }

  contextOf(memberId: string, correlationId?: string): Promise<UserContext> {
    const cached = this.fresh.get(memberId);
    if (cached) return Promise.resolve(cached);
    let pending = this.pending.get(memberId);
    if (!pending) {
      pending = this.ask(memberId, correlationId).finally(() => {
        this.pending.delete(memberId);
        this.changedDuringLookup.delete(memberId);
      });
      this.pending.set(memberId, pending);
    }
    return pending;
  }

  /** The directory announced a change to this member (joined, updated, left): their next request asks it again. */
  forget(memberId: string): void {
    this.fresh.delete(memberId);
    this.lastVerified.delete(memberId);
    if (this.pending.has(memberId)) this.changedDuringLookup.add(memberId);
  }

  private async ask(memberId: string, correlationId?: string): Promise<UserContext> {
    let body: unknown;
    try {
      body = await this.directory.get<unknown>(
        `/internal/members/${encodeURIComponent(memberId)}/context`,
        correlationId,
      );
    } catch (error) {
      const stale = directoryAway(error) ? this.lastVerifiedOf(memberId, error) : undefined;
      if (stale) return stale;
      throw this.refusal(error);
    }
    const user = parseUserContext(body, memberId);
    if (typeof user === 'string') {
      this.log.error({ msg: 'directory answered a malformed member context', problem: user });
      throw new ServiceUnavailableError(UNAVAILABLE);
    }
    // Unknown members are not remembered: one added a second ago must get in at once.
    if (!this.changedDuringLookup.has(memberId)) {
      this.fresh.set(memberId, user);
      this.lastVerified.set(memberId, user);
    }
    return user;
  }

  /** The context last verified within the allowed staleness, when the directory's changes are heard meanwhile. */
  private lastVerifiedOf(memberId: string, failure: InternalCallError): UserContext | undefined {
    if (!this.changesHeard()) return undefined;
    const stale = this.lastVerified.get(memberId);
    if (stale) {
      this.log.warn({
        msg: 'directory unavailable: serving the member context last verified',
        failure: failure.failure,
        reason: failure.message,
      });
    }
    return stale;
  }

  private refusal(error: unknown): Error {
    if (error instanceof InternalRejectedError && error.status === 404 && error.code === MEMBER_NOT_FOUND) {
      return new AuthenticationError('UNKNOWN_MEMBER');
    }
    if (error instanceof InternalRejectedError) {
      // The directory refused the gateway itself (service secret, caller list, route): a deployment fault to fix.
      this.log.error({ msg: 'directory refused the member context call', status: error.status, code: error.code });
      return new ServiceUnavailableError(UNAVAILABLE);
    }
    if (error instanceof InternalCallError) {
      this.log.warn({ msg: 'directory unavailable for member context', failure: error.failure, reason: error.message });
      return new ServiceUnavailableError(UNAVAILABLE);
    }
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * The directory did not answer, or answered that it cannot (5xx: its database is away). A refusal of the gateway itself
 * (401, 403, 404) is no outage: it is never papered over with a stale context.
 */
function directoryAway(error: unknown): error is InternalCallError {
  if (error instanceof InternalRejectedError) return error.status >= 500;
  return error instanceof InternalCallError;
}

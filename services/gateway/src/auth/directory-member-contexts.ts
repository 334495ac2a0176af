import { AuthenticationError, type UserContext } from '@msp/auth';
import { InternalCallError, InternalHttpClient, InternalRejectedError } from '@msp/messaging';
import type { LoggerService } from '@nestjs/common';
import { ExpiringCache } from './expiring-cache';
import { ServiceUnavailableError } from './service-unavailable.error';
import { parseUserContext } from './user-context.parser';

/** The directory's answer for a member it does not know. */
export const MEMBER_NOT_FOUND = 'DIRECTORY.MEMBER_NOT_FOUND';
const UNAVAILABLE = 'The member directory cannot be reached right now, so your access cannot be checked: retry shortly';

export interface DirectoryMemberContextsOptions {
  /** How long a resolved context is reused: role changes reach the gateway within this delay. */
  ttlMs?: number;
  maxEntries?: number;
}

type Directory = Pick<InternalHttpClient, 'get'>;
type Log = Pick<LoggerService, 'warn' | 'error'>;

/**
 * Who a verified member is on the platform (structures, roles, sites), asked of the directory's internal API and kept
 * briefly so that each request does not cost a call. Concurrent requests of one member share one call.
 */
export class DirectoryMemberContexts {
  private readonly cache: ExpiringCache<string, UserContext>;
  private readonly pending = new Map<string, Promise<UserContext>>();

  constructor(
    private readonly directory: Directory,
    private readonly log: Log,
    options: DirectoryMemberContextsOptions = {},
  ) {
    this.cache = new ExpiringCache({ ttlMs: options.ttlMs ?? 30_000, maxEntries: options.maxEntries ?? 10_000 });
  }

  contextOf(memberId: string, correlationId?: string): Promise<UserContext> {
    const cached = this.cache.get(memberId);
    if (cached) return Promise.resolve(cached);
    let pending = this.pending.get(memberId);
    if (!pending) {
      pending = this.ask(memberId, correlationId).finally(() => this.pending.delete(memberId));
      this.pending.set(memberId, pending);
    }
    return pending;
  }

  private async ask(memberId: string, correlationId?: string): Promise<UserContext> {
    let body: unknown;
    try {
      body = await this.directory.get<unknown>(
        `/internal/members/${encodeURIComponent(memberId)}/context`,
        correlationId,
      );
    } catch (error) {
      throw this.refusal(error);
    }
    const user = parseUserContext(body, memberId);
    if (typeof user === 'string') {
      this.log.error({ msg: 'directory answered a malformed member context', problem: user });
      throw new ServiceUnavailableError(UNAVAILABLE);
    }
    // Unknown members are not remembered: one added a second ago must get in at once.
    this.cache.set(memberId, user);
    return user;
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

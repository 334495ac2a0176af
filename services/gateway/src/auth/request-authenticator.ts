import type { BearerTokenVerifier, UserContext } from '@msp/auth';
import type { LoggerService } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import type { DirectoryMemberContexts } from './directory-member-contexts';
import { ServiceUnavailableError } from './service-unavailable.error';

/**
 * The front door's question for every GraphQL request: a valid bearer token from the trusted issuer, naming a member
 * the directory knows. Either yields that member's context or throws UNAUTHENTICATED (with the reason) or
 * UNAVAILABLE (retryable); nothing gets through unauthenticated.
 */
export class RequestAuthenticator {
  constructor(
    private readonly tokens: Pick<BearerTokenVerifier, 'verify'>,
    private readonly members: Pick<DirectoryMemberContexts, 'contextOf'>,
    private readonly log: Pick<LoggerService, 'warn'>,
  ) {}

  async authenticate(authorization: string | undefined, correlationId?: string): Promise<UserContext> {
    return this.members.contextOf(await this.subjectOf(authorization), correlationId);
  }

  private async subjectOf(authorization: string | undefined): Promise<string> {
    try {
      return (await this.tokens.verify(authorization)).subject;
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      // Not a verdict on the token: the issuer's keys could not be had. The caller's token may well be good.
      this.log.warn({ msg: 'bearer token could not be verified', reason: (error as Error).message });
      throw new ServiceUnavailableError('The identity provider cannot be reached to check your token: retry shortly');
    }
  }
}

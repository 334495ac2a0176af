import type { IssuerVerifiers, UserContext, VerifiedToken } from '@msp/auth';
import type { LoggerService } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import type { DirectoryMemberContexts } from './directory-member-contexts';
import type { ExternalIdentities } from './external-identities';
import { ServiceUnavailableError } from './service-unavailable.error';

/**
 * The front door's question for every GraphQL request: a valid bearer token from a trusted issuer, naming a member
 * the directory knows — directly (the platform's own issuer, whose subjects are member ids) or through the identity
 * links of an external issuer (ADR 0019). Either yields that member's context or throws UNAUTHENTICATED (with the
 * reason) or UNAVAILABLE (retryable); nothing gets through unauthenticated.
 */
export class RequestAuthenticator {
  constructor(
    private readonly tokens: Pick<IssuerVerifiers, 'verify'>,
    private readonly members: Pick<DirectoryMemberContexts, 'contextOf'>,
    private readonly log: Pick<LoggerService, 'warn'>,
    private readonly external?: Pick<ExternalIdentities, 'isExternal' | 'memberOf'>,
  ) {}

  async authenticate(authorization: string | undefined, correlationId?: string): Promise<UserContext> {
    const token = await this.verified(authorization);
    const memberId = this.external?.isExternal(token.issuer)
      ? await this.external.memberOf(token, correlationId)
      : token.subject;
    return this.members.contextOf(memberId, correlationId);
  }

  private async verified(authorization: string | undefined): Promise<VerifiedToken> {
    try {
      return await this.tokens.verify(authorization);
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      // Not a verdict on the token: the issuer's keys could not be had. The caller's token may well be good.
      this.log.warn({ msg: 'bearer token could not be verified', reason: (error as Error).message });
      throw new ServiceUnavailableError('The identity provider cannot be reached to check your token: retry shortly');
    }
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import { importPublicKey } from '../signing-keys';
import type { UserContext } from '../user-context';
import { USER_CONTEXT_HEADER, verifyUserContext } from '../user-context.signer';
import { SUBGRAPH_AUTH_OPTIONS, type SubgraphAuthOptions } from './auth.options';
import type { AuthenticatedRequest } from './request-of';

/**
 * Verifies the gateway-signed user context of a request once and keeps it on the request. Used by the guard for root
 * operations and directly by federation reference resolvers (`_entities` is built by Apollo, so no Nest guard runs).
 */
@Injectable()
export class SubgraphAuthenticator {
  private readonly publicKey: KeyObject;

  constructor(@Inject(SUBGRAPH_AUTH_OPTIONS) private readonly options: SubgraphAuthOptions) {
    this.publicKey = importPublicKey(options.userContextPublicKey, 'USER_CONTEXT_PUBLIC_KEY');
  }

  async authenticate(request: AuthenticatedRequest | undefined): Promise<UserContext> {
    if (request?.user) return request.user;
    const header = request?.headers[USER_CONTEXT_HEADER];
    const user = await verifyUserContext(
      typeof header === 'string' ? header : undefined,
      this.publicKey,
      this.options.audience,
    );
    if (request) request.user = user;
    return user;
  }

  /** For `@ResolveReference` methods, which receive Apollo's context as their second argument. */
  fromGraphQLContext(context: { req?: AuthenticatedRequest }): Promise<UserContext> {
    return this.authenticate(context.req);
  }
}

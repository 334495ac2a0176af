import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { USER_CONTEXT_HEADER } from '@msp/auth';
import { CORRELATION_ID_HEADER } from '@msp/observability';
import type { UserContextSigner } from '../auth/user-context-signer';
import { GatewayContext } from './gateway-context';

/**
 * Calls one subgraph, passing on the caller's correlation id (so one request can be followed across services) and the
 * verified caller as a user context signed for this subgraph alone. The caller's bearer token stays at the front door:
 * subgraphs trust only the signed context.
 */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    config: { url?: string },
    private readonly subgraph: string,
    private readonly userContexts: UserContextSigner,
  ) {
    super(config);
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const headers = request.http?.headers;
    // Schema loading and health checks run outside any incoming request and have nothing to forward.
    if (!headers) return;
    const { correlationId, user } = context as GatewayContext;
    if (correlationId) headers.set(CORRELATION_ID_HEADER, correlationId);
    if (user) headers.set(USER_CONTEXT_HEADER, await this.userContexts.signFor(user, this.subgraph));
  }
}

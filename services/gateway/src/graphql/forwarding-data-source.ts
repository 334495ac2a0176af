import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { CORRELATION_ID_HEADER } from '@msp/observability';
import { GatewayContext } from './gateway-context';

/**
 * Calls one subgraph, passing on the caller's correlation id so one request can be followed across services.
 * The raw bearer token is forwarded for now; a signed user-context header replaces it when auth lands.
 */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    // Schema loading and health checks run outside any incoming request and have nothing to forward.
    if (!headers) return;
    const { correlationId, authorization } = context as GatewayContext;
    if (correlationId) headers.set(CORRELATION_ID_HEADER, correlationId);
    if (authorization) headers.set('authorization', authorization);
  }
}

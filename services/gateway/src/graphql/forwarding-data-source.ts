import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { USER_CONTEXT_HEADER } from '@msp/auth';
import { graphQLCodeOf } from '@msp/errors';
import { CORRELATION_ID_HEADER } from '@msp/observability';
import type { UserContextSigner } from '../auth/user-context-signer';
import { GraphQLError } from 'graphql';
import { GatewayContext } from './gateway-context';

export interface ForwardingDataSourceOptions {
  /** The subgraph's name, as the answer names it when it is missing. */
  name: string;
  url: string | undefined;
  /** A subgraph that has not answered within this delay is given up on for this request. */
  timeoutMs: number;
}

/**
 * Calls one subgraph, passing on the caller's correlation id (so one request can be followed across services) and the
 * verified caller as a user context signed for this subgraph alone. The caller's bearer token stays at the front door:
 * subgraphs trust only the signed context. A subgraph that hangs or cannot be reached costs at most `timeoutMs`: its
 * fields come back null with an UNAVAILABLE, retryable error naming it, and the other subgraphs' data is still
 * answered.
 */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly name: string;
  private readonly timeoutMs: number;

  constructor(
    { name, url, timeoutMs }: ForwardingDataSourceOptions,
    private readonly userContexts: UserContextSigner,
  ) {
    super({ url });
    this.name = name;
    this.timeoutMs = timeoutMs;
    const fetcher = this.fetcher;
    // The signal covers the whole exchange, the body included: a subgraph paused mid-answer is given up on too.
    this.fetcher = ((input: string, init: RequestInit) =>
      fetcher(input, { ...init, signal: AbortSignal.timeout(this.timeoutMs) } as never)) as typeof fetcher;
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const headers = request.http?.headers;
    // Schema loading and health checks run outside any incoming request and have nothing to forward.
    if (!headers) return;
    const { correlationId, user } = context as GatewayContext;
    if (correlationId) headers.set(CORRELATION_ID_HEADER, correlationId);
    if (user) headers.set(USER_CONTEXT_HEADER, await this.userContexts.signFor(user, this.name));
  }

  override didEncounterError(error: Error): void {
    if (error instanceof GraphQLError) throw error;
    const name = (error as { name?: string }).name;
    const code = (error as { code?: string }).code;
    if (name === 'AbortError' || name === 'TimeoutError') {
      throw unavailable(`The ${this.name} service did not answer within ${this.timeoutMs} ms`);
    }
    if (typeof code === 'string' && /^(ECONN|EHOST|ENET|EAI_|EPIPE|ETIMEDOUT)/.test(code)) {
      throw unavailable(`The ${this.name} service cannot be reached`);
    }
    throw error;
  }
}

function unavailable(what: string): GraphQLError {
  return new GraphQLError(`${what}: the parts of the answer it provides are missing; retry shortly`, {
    extensions: { code: graphQLCodeOf('unavailable'), reason: 'GATEWAY.SUBGRAPH_UNAVAILABLE', retryable: true },
  });
}

import type { UserContext } from '@msp/auth';
import { correlationIdOf } from '@msp/observability';
import { IncomingMessage } from 'node:http';

/** What each incoming GraphQL operation carries to the subgraph calls it causes. */
export type GatewayContext = {
  correlationId?: string;
  /** The verified caller; always set when the gateway fronts subgraphs (signed for each subgraph call). */
  user?: UserContext;
};

export type ContextArgs = { req: IncomingMessage };

/** The local schema is public: only the correlation id is carried. */
export function publicContext({ req }: ContextArgs): GatewayContext {
  return { correlationId: correlationIdOf(req) };
}

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

/** The operation name the caller asked for, when it is a plain GraphQL name (it is written to logs). */
export function requestedOperationName(req: IncomingMessage): string | null {
  return safeOperationName((req as IncomingMessage & { body?: { operationName?: unknown } }).body?.operationName);
}

export function safeOperationName(name: unknown): string | null {
  return typeof name === 'string' && GRAPHQL_NAME.test(name) ? name : null;
}

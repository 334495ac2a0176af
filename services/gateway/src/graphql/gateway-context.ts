import { correlationIdOf } from '@msp/observability';
import { IncomingMessage } from 'node:http';

/** What each incoming GraphQL operation carries to the subgraph calls it causes. */
export type GatewayContext = {
  correlationId?: string;
  authorization?: string;
};

export function gatewayContext({ req }: { req: IncomingMessage }): GatewayContext {
  return { correlationId: correlationIdOf(req), authorization: req.headers.authorization };
}

export const SUBGRAPH_AUTH_OPTIONS = Symbol('SUBGRAPH_AUTH_OPTIONS');

export interface SubgraphAuthOptions {
  /** Shared with the gateway (USER_CONTEXT_SECRET); at least 32 characters. */
  userContextSecret: string;
}

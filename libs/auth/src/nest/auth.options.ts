import type { KeyObject } from 'node:crypto';

export const SUBGRAPH_AUTH_OPTIONS = Symbol('SUBGRAPH_AUTH_OPTIONS');

export interface SubgraphAuthOptions {
  /** The gateway's public key (USER_CONTEXT_PUBLIC_KEY): verifies user contexts, cannot sign them. */
  userContextPublicKey: string | KeyObject;
  /** This subgraph's name, as the gateway knows it: contexts signed for another subgraph are refused. */
  audience: string;
}

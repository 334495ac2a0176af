import { IntrospectAndCompose } from '@apollo/gateway';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GatewayConfig } from '../config/gateway.config';

/** The gateway cannot load the supergraph file it was pointed at. */
export class SupergraphFileError extends Error {
  constructor(path: string, reason: string) {
    super(`GATEWAY_SUPERGRAPH_FILE: cannot read ${path} (${reason}); compose it first with \`npm run compose\``);
    this.name = 'SupergraphFileError';
  }
}

/**
 * Production serves the supergraph composed at build time (`npm run compose`), so what runs is what was checked;
 * without one the gateway composes the subgraphs by introspection at startup (development).
 */
export function supergraphSource(config: GatewayConfig): string | IntrospectAndCompose {
  if (config.supergraphFile === undefined) {
    return new IntrospectAndCompose({ subgraphs: config.subgraphs.map(({ name, url }) => ({ name, url })) });
  }
  const path = resolve(config.supergraphFile);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new SupergraphFileError(path, (error as NodeJS.ErrnoException).code ?? (error as Error).message);
  }
}

/**
 * Where to call a subgraph: the URL written in the supergraph, unless GATEWAY_SUBGRAPHS names the subgraph too (one
 * supergraph file, composed once, serves environments whose hosts differ).
 */
export function subgraphUrl(config: GatewayConfig, name: string, composedUrl: string | undefined): string | undefined {
  return config.subgraphs.find((s) => s.name === name)?.url ?? composedUrl;
}

import { resolve } from 'node:path';
import { z } from 'zod';
import { InvalidConfigError } from '../config/invalid-config.error';
import { SubgraphEndpoint, subgraphEndpoints } from '../config/subgraph-endpoints';

/** services/gateway/dist/supergraph.graphql, from src/compose (swc-node) or dist/compose (built) alike. */
export const DEFAULT_SUPERGRAPH_FILE = resolve(__dirname, '../../dist/supergraph.graphql');

const schema = z.object({
  GATEWAY_SUBGRAPHS: subgraphEndpoints.refine((list) => list.length > 0, 'lists no subgraph to compose'),
  GATEWAY_SUPERGRAPH_FILE: z.string().default(DEFAULT_SUPERGRAPH_FILE),
  COMPOSE_TIMEOUT_MS: z.string().regex(/^\d+$/, 'must be a number of milliseconds').transform(Number).prefault('10000'),
});

/** What `npm run compose` reads: the subgraphs to ask for their SDL and where the supergraph goes. */
export interface ComposeOptions {
  subgraphs: SubgraphEndpoint[];
  outputFile: string;
  timeoutMs: number;
}

export function composeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ComposeOptions {
  const present = Object.fromEntries(Object.keys(schema.shape).map((key) => [key, env[key] || undefined]));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new InvalidConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const { GATEWAY_SUBGRAPHS, GATEWAY_SUPERGRAPH_FILE, COMPOSE_TIMEOUT_MS } = parsed.data;
  return { subgraphs: GATEWAY_SUBGRAPHS, outputFile: resolve(GATEWAY_SUPERGRAPH_FILE), timeoutMs: COMPOSE_TIMEOUT_MS };
}

import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import type { SubgraphEndpoint } from '../config/subgraph-endpoints';
import { fetchSubgraphSdl } from './fetch-subgraph-sdl';

/** The subgraphs do not compose; every composition error is listed with its code. */
export class CompositionFailedError extends Error {
  constructor(readonly problems: string[]) {
    super(`The subgraphs do not compose into a supergraph:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CompositionFailedError';
  }
}

export interface ComposedSupergraph {
  supergraphSdl: string;
  /** Composition hints: not errors, worth reading. */
  hints: string[];
}

export type SdlFetcher = (subgraph: SubgraphEndpoint) => Promise<string>;

/** Fetches each subgraph's served SDL and composes them as Apollo Gateway will (Federation 2 composition). */
export async function composeSupergraph(
  subgraphs: readonly SubgraphEndpoint[],
  fetchSdl: SdlFetcher = (subgraph) => fetchSubgraphSdl(subgraph),
): Promise<ComposedSupergraph> {
  const sdls = await Promise.all(subgraphs.map(fetchSdl));
  const result = composeServices(subgraphs.map(({ name, url }, i) => ({ name, url, typeDefs: parse(sdls[i]) })));
  if (result.errors) {
    throw new CompositionFailedError(result.errors.map((e) => `${e.extensions.code ?? 'ERROR'}: ${e.message}`));
  }
  return { supergraphSdl: result.supergraphSdl, hints: result.hints.map((h) => `${h.definition.code}: ${h.message}`) };
}

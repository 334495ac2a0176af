import { maskUrl, SubgraphEndpoint } from '../config/subgraph-endpoints';

/** A subgraph did not give its SDL; the message names it and says why. */
export class SubgraphSdlError extends Error {
  constructor(subgraph: SubgraphEndpoint, reason: string) {
    super(`subgraph "${subgraph.name}" (${maskUrl(subgraph.url)}) did not give its SDL: ${reason}`);
    this.name = 'SubgraphSdlError';
  }
}

const SDL_QUERY = 'query SubgraphSdl { _service { sdl } }';

/**
 * Asks a running subgraph for the SDL it serves (`_service { sdl }`), which keeps the federation directives (`@key`,
 * `@link`…) a printed code-first schema may lose. Subgraphs answer it without a user context: `_service` is resolved by
 * the federation library, not by the services' guarded resolvers.
 */
export async function fetchSubgraphSdl(subgraph: SubgraphEndpoint, timeoutMs = 10_000): Promise<string> {
  let response: Response;
  try {
    response = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: SDL_QUERY }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new SubgraphSdlError(subgraph, cause?.code ?? cause?.message ?? (error as Error).message);
  }
  const text = await response.text();
  let body: { data?: { _service?: { sdl?: unknown } }; errors?: Array<{ message?: string }> };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new SubgraphSdlError(subgraph, `HTTP ${response.status}, not a GraphQL response`);
  }
  const sdl = body.data?._service?.sdl;
  if (typeof sdl === 'string' && sdl.trim()) return sdl;
  const errors = (body.errors ?? []).map((e) => e.message).join('; ');
  throw new SubgraphSdlError(
    subgraph,
    errors || `HTTP ${response.status} without _service.sdl (is it a federation subgraph?)`,
  );
}

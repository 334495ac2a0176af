import { z } from 'zod';

/** One subgraph behind the gateway, by the name it has in the supergraph. */
export interface SubgraphEndpoint {
  name: string;
  url: string;
}

const SUBGRAPH_NAME = /^[a-z][a-z0-9_-]*$/i;

export const commaList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** `GATEWAY_SUBGRAPHS`: a comma list of name=url. Shared by the gateway and the supergraph composer. */
export const subgraphEndpoints = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const endpoints = commaList(value).map((entry): SubgraphEndpoint => {
      const separator = entry.indexOf('=');
      const name = entry.slice(0, Math.max(separator, 0)).trim();
      const url = entry.slice(separator + 1).trim();
      if (separator < 0 || !SUBGRAPH_NAME.test(name) || !isHttpUrl(url)) {
        ctx.addIssue({
          code: 'custom',
          message: `entry "${maskUrl(entry)}" must look like name=http://host:port/graphql`,
        });
      }
      return { name, url };
    });
    const names = endpoints.map((e) => e.name);
    for (const name of new Set(names.filter((n, i) => names.indexOf(n) !== i))) {
      ctx.addIssue({ code: 'custom', message: `subgraph "${name}" is listed twice` });
    }
    return endpoints;
  });

export function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** Hides credentials written into a URL (`http://user:password@host`). */
export function maskUrl(value: string): string {
  return value.replace(/\/\/[^/@\s]+@/, '//***@');
}

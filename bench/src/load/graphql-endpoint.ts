import { join } from 'node:path';
import { DevIssuer, importPrivateKey, signUserContext, USER_CONTEXT_HEADER, type UserContext } from '@msp/auth';
import type { KeyObject } from 'node:crypto';

export interface GraphQLAnswer<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
}

/** Where a scenario sends GraphQL: the gateway (a bearer token, as a browser) or a subgraph directly (a signed context). */
export interface GraphQLEndpoint {
  /** "gateway" or "subgraph". */
  path: string;
  request<T>(query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer<T>>;
}

async function post<T>(url: string, headers: Record<string, string>, body: unknown): Promise<GraphQLAnswer<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  try {
    return JSON.parse(text) as GraphQLAnswer<T>;
  } catch {
    return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 200)}` }] };
  }
}

/** The gateway, with a token of the stack's development issuer for `memberId` (valid for the whole run). */
export async function gatewayEndpoint(gatewayUrl: string, dataDir: string, memberId: string): Promise<GraphQLEndpoint> {
  const issuer = await DevIssuer.loadOrCreate(join(dataDir, 'dev-issuer'));
  const token = await issuer.issue({ subject: memberId, expiresIn: '3h' });
  const url = `${gatewayUrl}/graphql`;
  return {
    path: 'gateway',
    request: (query, variables) => post(url, { authorization: `Bearer ${token}` }, { query, variables }),
  };
}

/**
 * A subgraph reached as the gateway reaches it: the user context signed with the stack's user-context key for that
 * subgraph. Signatures live 30 s, so one is made every 10 s and shared, as the gateway's cost would be per request.
 */
export function subgraphEndpoint(
  subgraphUrl: string,
  subgraph: string,
  userContextPrivateKey: string,
  user: UserContext,
): GraphQLEndpoint {
  const key: KeyObject = importPrivateKey(userContextPrivateKey, 'user-context key');
  let signed: { header: Promise<string>; at: number } | undefined;
  const header = () => {
    if (!signed || Date.now() - signed.at > 10_000)
      signed = { header: signUserContext(user, key, subgraph), at: Date.now() };
    return signed.header;
  };
  const url = subgraphUrl.endsWith('/graphql') ? subgraphUrl : `${subgraphUrl}/graphql`;
  return {
    path: 'subgraph',
    request: async (query, variables) => post(url, { [USER_CONTEXT_HEADER]: await header() }, { query, variables }),
  };
}

/** The first error's reason (SCHEDULING.SLOT_TAKEN…), else its code, else its message; undefined when it succeeded. */
export function errorReason(answer: GraphQLAnswer<unknown>): string | undefined {
  const [first] = answer.errors ?? [];
  if (!first) return undefined;
  return first.extensions?.reason ?? first.extensions?.code ?? first.message;
}

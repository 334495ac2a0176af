import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

export interface ConsoleApolloOptions {
  /** The session's bearer token, read at each request. */
  accessToken(): Promise<string | null>;
  /** The gateway refused the token (expired, revoked member): back to sign-in. */
  onUnauthenticated(): void;
}

/** True when the gateway answered UNAUTHENTICATED, as a GraphQL error or an HTTP 401. */
export function isUnauthenticated(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error)) return error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
  return ServerError.is(error) && error.statusCode === 401;
}

/** The gateway's one GraphQL endpoint, on the console's own origin. */
export function createApolloClient(options: ConsoleApolloOptions): ApolloClient {
  const auth = new SetContextLink(async (previous) => {
    const token = await options.accessToken();
    return { headers: { ...previous.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } };
  });
  const expiry = new ErrorLink(({ error }) => {
    if (isUnauthenticated(error)) options.onUnauthenticated();
  });
  return new ApolloClient({
    link: ApolloLink.from([expiry, auth, new HttpLink({ uri: '/graphql' })]),
    cache: new InMemoryCache({
      // Views without an id of their own are kept by their arguments; entries and appointments by id.
      typePolicies: { AgendaView: { keyFields: false }, PractitionerAgenda: { keyFields: false } },
    }),
  });
}

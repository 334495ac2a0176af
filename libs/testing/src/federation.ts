import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { signUserContext, USER_CONTEXT_HEADER, type UserContext } from '@msp/auth';
import { testKeys } from './test-environment';

/** A test gateway's request context: who calls (none: as someone reaching the gateway without signing in). */
export interface TestCaller {
  user?: UserContext;
}

/** As the platform's gateway does: the caller signed with the gateway's key, for each subgraph it calls. */
export class SignedContextDataSource extends RemoteGraphQLDataSource<TestCaller> {
  constructor(
    url: string | undefined,
    private readonly subgraph: string,
  ) {
    super({ url });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<TestCaller>): Promise<void> {
    if (!context.user) return;
    const header = await signUserContext(context.user, testKeys().userContext.privateKey, this.subgraph);
    request.http?.headers.set(USER_CONTEXT_HEADER, header);
  }
}

/** A running subgraph's SDL, as the gateway fetches it to compose. */
export async function subgraphSdl(url: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  return ((await response.json()) as { data: { _service: { sdl: string } } }).data._service.sdl;
}

import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { freePort } from '@msp/infra';
import { parse } from 'graphql';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  type Member @key(fields: "id") {
    id: ID!
    displayName: String!
  }

  type Query {
    member(id: ID!): Member
  }
`);

const MEMBERS: Record<string, { id: string; displayName: string }> = {
  m1: { id: 'm1', displayName: 'Dr Camille Martin' },
};

/** A real federation subgraph, standing alone and unguarded, that records the headers of every request it receives. */
export async function startMemberSubgraph(): Promise<{
  url: string;
  received: Array<Record<string, string | undefined>>;
  stop(): Promise<void>;
}> {
  const received: Array<Record<string, string | undefined>> = [];
  const server = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs,
      resolvers: {
        Query: { member: (_: unknown, { id }: { id: string }) => MEMBERS[id] ?? null },
        Member: { __resolveReference: ({ id }: { id: string }) => MEMBERS[id] ?? null },
      },
    }),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: await freePort(), host: '127.0.0.1' },
    context: async ({ req }) => {
      received.push({
        correlationId: req.headers['x-correlation-id'] as string | undefined,
        authorization: req.headers.authorization,
        userContext: req.headers['x-msp-user-context'] as string | undefined,
      });
      return {};
    },
  });
  return { url, received, stop: () => server.stop() };
}

import { composeServices } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { parse } from 'graphql';
import type { UserContext } from '@msp/auth';
import { freePort } from '@msp/infra';
import {
  SubgraphProcess,
  TestEventPublisher,
  uniqueSuffix,
  SignedContextDataSource,
  subgraphSdl,
  type TestCaller,
} from '@msp/testing';
import { CallRoutingTestApp } from './fixtures/call-routing-test-app';
import { openPractice, type Practice } from './fixtures/practice';

type Caller = TestCaller;

/**
 * Call routing's subgraph composed with the real directory's and scheduling's, as `npm run compose` does for the
 * gateway: no type of call routing may clash with theirs, and its operations are reached through the supergraph.
 */
describe("call routing's subgraph composes with the directory's and scheduling's", () => {
  let app: CallRoutingTestApp;
  let events: TestEventPublisher;
  let directory: SubgraphProcess;
  let scheduling: SubgraphProcess;
  let practice: Practice;
  let callRoutingSdl: string;
  let composition: ReturnType<typeof composeServices>;

  beforeAll(async () => {
    app = await CallRoutingTestApp.start('federation', { LOG_LEVEL: 'warn' });
    const ports = new Set<number>();
    while (ports.size < 3) ports.add(await freePort());
    const [directoryPort, schedulingPort, schedulingPublicPort] = [...ports];
    [directory, scheduling] = await Promise.all([
      SubgraphProcess.start('directory', directoryPort, 'call_routing_directory'),
      SubgraphProcess.start('scheduling', schedulingPort, 'call_routing_scheduling', {
        PUBLIC_PORT: String(schedulingPublicPort),
        KAFKA_CONSUMER_GROUP: `scheduling-for-call-routing-${uniqueSuffix()}`,
      }),
    ]);
    events = await TestEventPublisher.start('call-routing-spec-federation');
    practice = await openPractice(app, events, { practitioners: 1 });
    callRoutingSdl = await subgraphSdl(app.url);
    composition = composeServices([
      { name: 'directory', url: `${directory.url}/graphql`, typeDefs: parse(await subgraphSdl(directory.url)) },
      { name: 'scheduling', url: `${scheduling.url}/graphql`, typeDefs: parse(await subgraphSdl(scheduling.url)) },
      { name: 'call-routing', url: `${app.url}/graphql`, typeDefs: parse(callRoutingSdl) },
    ]);
  }, 300_000);

  afterAll(async () => {
    await events?.stop();
    await Promise.all([app?.stop(), directory?.stop(), scheduling?.stop()]);
  });

  it('composes without errors, every query and mutation the console needs resolved by call routing', () => {
    expect(composition.errors?.map((e) => `${e.extensions.code}: ${e.message}`)).toBeUndefined();
    const supergraph = composition.supergraphSdl as string;
    expect(supergraph).toMatch(
      /CALL_ROUTING @join__graph\(name: "call-routing", url: "http:\/\/127\.0\.0\.1:\d+\/graphql"\)/,
    );
    const own = composeServices([{ name: 'call-routing', url: `${app.url}/graphql`, typeDefs: parse(callRoutingSdl) }]);
    const schema = own.schema?.toAPISchema().toGraphQLJSSchema();
    const queries = Object.keys(schema?.getQueryType()?.getFields() ?? {}).sort();
    const mutations = Object.keys(schema?.getMutationType()?.getFields() ?? {}).sort();
    expect(queries).toEqual([
      'callJournal',
      'callStatistics',
      'phoneLines',
      'publicHolidays',
      'rulebook',
      'rulebookDiff',
      'rulebookHistory',
      'simulateCall',
      'siteCallSettings',
    ]);
    expect(mutations).toEqual(['addPhoneLine', 'publishRulebook', 'removePhoneLine', 'saveSiteCallSettings']);
    for (const field of [...queries, ...mutations])
      expect(supergraph).toMatch(
        new RegExp(`\\s${field}(\\([^)]*\\))?: [^\\n]* @join__field\\(graph: CALL_ROUTING\\)`),
      );
    expect(supergraph).toMatch(/type PhoneLine\s+@join__type\(graph: CALL_ROUTING\)/);
  });

  it('answers nothing to a caller the gateway did not sign for, reaching the subgraph directly', async () => {
    const result = await app.gql(`query($s: ID!) { phoneLines(structureId: $s) { id } }`, { s: practice.structureId });
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("answers an administrator's query through a gateway on that supergraph, and nobody without a user context", async () => {
    const gateway = new ApolloServer<Caller>({
      gateway: new ApolloGateway({
        supergraphSdl: composition.supergraphSdl,
        buildService: ({ name, url }) => new SignedContextDataSource(url, name),
      }),
    });
    await gateway.start();
    try {
      const ask = async (user?: UserContext) => {
        const response = await gateway.executeOperation(
          {
            query: `query($s: ID!) { phoneLines(structureId: $s) { number siteId practitionerId } }`,
            variables: { s: practice.structureId },
          },
          { contextValue: { user } },
        );
        if (response.body.kind !== 'single') throw new Error('expected a single result');
        return response.body.singleResult;
      };
      expect(await ask(practice.admin)).toEqual({
        data: { phoneLines: [{ number: practice.siteLine, siteId: practice.siteId, practitionerId: null }] },
      });
      const anonymous = await ask();
      expect(anonymous.data ?? null).toBeNull();
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await gateway.stop();
    }
  });
});

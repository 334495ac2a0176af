import { composeServices } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { parse } from 'graphql';
import type { UserContext } from '@msp/auth';
import { freePort } from '@msp/infra';
import { SignedContextDataSource, SubgraphProcess, subgraphSdl, uniqueSuffix, type TestCaller } from '@msp/testing';
import { IndicatorsTestApp } from './fixtures/indicators-test-app';
import { newPractice } from './fixtures/scripted-month';

const QUERIES = [
  'indicatorAlerts',
  'indicatorCatalogue',
  'indicatorHistories',
  'indicatorHistory',
  'indicatorScores',
  'indicatorScoresCsv',
  'indicatorSettings',
  'indicatorSettingsAudit',
  'timeFreed',
];
/** Imports, declarations and the values administrators set; the rest comes from the other services' events. */
const MUTATIONS = ['declareIndicator', 'importIndicatorValues', 'setIndicatorValue'];

/**
 * Indicators' subgraph composed with the real directory's and scheduling's, as the gateway composes them: none of its
 * types may clash with theirs (the dashboard sits beside the agenda and the members), and its queries are reached
 * through the supergraph with a signed user context.
 */
describe("indicators' subgraph composes with the directory's and scheduling's", () => {
  let app: IndicatorsTestApp;
  let others: SubgraphProcess[] = [];
  let indicatorsSdl: string;
  let composition: ReturnType<typeof composeServices>;

  beforeAll(async () => {
    app = await IndicatorsTestApp.start('indicators_federation');
    const ports = new Set<number>();
    while (ports.size < 3) ports.add(await freePort());
    const [directoryPort, schedulingPort, schedulingPublicPort] = [...ports];
    others = await Promise.all([
      SubgraphProcess.start('directory', directoryPort, 'indicators_directory'),
      SubgraphProcess.start('scheduling', schedulingPort, 'indicators_scheduling', {
        PUBLIC_PORT: String(schedulingPublicPort),
        KAFKA_CONSUMER_GROUP: `scheduling-for-indicators-${uniqueSuffix()}`,
      }),
    ]);
    indicatorsSdl = await subgraphSdl(app.url);
    const [directory, scheduling] = others;
    composition = composeServices([
      { name: 'directory', url: `${directory.url}/graphql`, typeDefs: parse(await subgraphSdl(directory.url)) },
      { name: 'scheduling', url: `${scheduling.url}/graphql`, typeDefs: parse(await subgraphSdl(scheduling.url)) },
      { name: 'indicators', url: `${app.url}/graphql`, typeDefs: parse(indicatorsSdl) },
    ]);
  }, 300_000);

  afterAll(async () => {
    await Promise.all([app?.stop(), ...others.map((o) => o.stop())]);
  });

  it('composes without errors, every query the dashboard needs resolved by indicators', () => {
    expect(composition.errors?.map((e) => `${e.extensions.code}: ${e.message}`)).toBeUndefined();
    const supergraph = composition.supergraphSdl as string;
    const own = composeServices([{ name: 'indicators', url: `${app.url}/graphql`, typeDefs: parse(indicatorsSdl) }]);
    const schema = own.schema?.toAPISchema().toGraphQLJSSchema();
    expect(Object.keys(schema?.getQueryType()?.getFields() ?? {}).sort()).toEqual(QUERIES);
    expect(Object.keys(schema?.getMutationType()?.getFields() ?? {}).sort()).toEqual(MUTATIONS);
    for (const field of [...QUERIES, ...MUTATIONS])
      expect(supergraph).toMatch(new RegExp(`\\s${field}(\\([^)]*\\))?: [^\\n]* @join__field\\(graph: INDICATORS\\)`));
    expect(supergraph).toMatch(/type IndicatorScores\s+@join__type\(graph: INDICATORS\)/);
  });

  it('answers nothing to a caller the gateway did not sign for, reaching the subgraph directly', async () => {
    const practice = newPractice();
    const result = await app.gql(`query($s: ID!) { indicatorCatalogue(structureId: $s) { code } }`, {
      s: practice.structureId,
    });
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("answers a coordinator's dashboard through a gateway on that supergraph, and nobody without a user context", async () => {
    const gateway = new ApolloServer<TestCaller>({
      gateway: new ApolloGateway({
        supergraphSdl: composition.supergraphSdl,
        buildService: ({ name, url }) => new SignedContextDataSource(url, name),
      }),
    });
    await gateway.start();
    try {
      const practice = newPractice();
      const ask = async (user?: UserContext) => {
        const response = await gateway.executeOperation(
          {
            query: `query($s: ID!) {
              indicatorScores(structureId: $s, period: "2026-11") { start end activity { appointmentsCompleted } }
              indicatorAlerts(structureId: $s, period: "2026-11") { indicatorCode }
            }`,
            variables: { s: practice.structureId },
          },
          { contextValue: { user } },
        );
        if (response.body.kind !== 'single') throw new Error('expected a single result');
        return response.body.singleResult;
      };
      expect(await ask(practice.coordinator)).toEqual({
        data: {
          indicatorScores: { start: '2026-11-01', end: '2026-11-30', activity: { appointmentsCompleted: 0 } },
          indicatorAlerts: [],
        },
      });
      const anonymous = await ask();
      expect(anonymous.data ?? null).toBeNull();
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await gateway.stop();
    }
  });
});

import { composeServices } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { parse } from 'graphql';
import type { UserContext } from '@msp/auth';
import { freePort } from '@msp/infra';
import {
  SignedContextDataSource,
  SubgraphProcess,
  subgraphSdl,
  TestEventPublisher,
  uniqueSuffix,
  type TestCaller,
} from '@msp/testing';
import { DelegationTestApp } from './fixtures/delegation-test-app';
import { openPractice, type Practice } from './fixtures/practice';

/**
 * Delegation's subgraph composed with the real directory's, scheduling's and call routing's, as `npm run compose` does
 * for the gateway: no type of delegation may clash with theirs, and its operations are reached through the supergraph.
 */
describe("delegation's subgraph composes with the directory's, scheduling's and call routing's", () => {
  let app: DelegationTestApp;
  let events: TestEventPublisher;
  let directory: SubgraphProcess;
  let scheduling: SubgraphProcess;
  let callRouting: SubgraphProcess;
  let practice: Practice;
  let delegationSdl: string;
  let composition: ReturnType<typeof composeServices>;

  beforeAll(async () => {
    app = await DelegationTestApp.start('delegation_federation', { env: { LOG_LEVEL: 'warn' } });
    const ports = new Set<number>();
    while (ports.size < 5) ports.add(await freePort());
    const [directoryPort, schedulingPort, schedulingPublicPort, callRoutingPort, callRoutingPublicPort] = [...ports];
    [directory, scheduling, callRouting] = await Promise.all([
      SubgraphProcess.start('directory', directoryPort, 'delegation_directory'),
      SubgraphProcess.start('scheduling', schedulingPort, 'delegation_scheduling', {
        PUBLIC_PORT: String(schedulingPublicPort),
        KAFKA_CONSUMER_GROUP: `scheduling-for-delegation-${uniqueSuffix()}`,
      }),
      SubgraphProcess.start('call-routing', callRoutingPort, 'delegation_call_routing', {
        PUBLIC_PORT: String(callRoutingPublicPort),
        KAFKA_CONSUMER_GROUP: `call-routing-for-delegation-${uniqueSuffix()}`,
        TELEPHONY_WEBHOOK_SECRETS: 'federation-spec-webhook-secret-0123456789',
      }),
    ]);
    events = await TestEventPublisher.start('delegation-spec-federation');
    practice = await openPractice(app, events);
    delegationSdl = await subgraphSdl(app.url);
    composition = composeServices([
      { name: 'directory', url: `${directory.url}/graphql`, typeDefs: parse(await subgraphSdl(directory.url)) },
      { name: 'scheduling', url: `${scheduling.url}/graphql`, typeDefs: parse(await subgraphSdl(scheduling.url)) },
      {
        name: 'call-routing',
        url: `${callRouting.url}/graphql`,
        typeDefs: parse(await subgraphSdl(callRouting.url)),
      },
      { name: 'delegation', url: `${app.url}/graphql`, typeDefs: parse(delegationSdl) },
    ]);
  }, 300_000);

  afterAll(async () => {
    await events?.stop();
    await Promise.all([app?.stop(), directory?.stop(), scheduling?.stop(), callRouting?.stop()]);
  });

  it('answers `_service { sdl }` with its operations and types, as the gateway asks to compose', () => {
    expect(delegationSdl).toMatch(/taskBoard\(filter: BoardFilterInput!\): \[Task!\]!/);
    expect(delegationSdl).toMatch(/moveTask\(input: MoveTaskInput!\): TaskMoveResult!/);
    expect(delegationSdl).toMatch(/delegatedTimeFreed\(/);
    expect(delegationSdl).toMatch(/type DelegationProtocol\b/);
  });

  it('composes without errors, every query and mutation the console needs resolved by delegation', () => {
    expect(composition.errors?.map((e) => `${e.extensions.code}: ${e.message}`)).toBeUndefined();
    const supergraph = composition.supergraphSdl as string;
    expect(supergraph).toMatch(
      /DELEGATION @join__graph\(name: "delegation", url: "http:\/\/127\.0\.0\.1:\d+\/graphql"\)/,
    );
    const own = composeServices([{ name: 'delegation', url: `${app.url}/graphql`, typeDefs: parse(delegationSdl) }]);
    const schema = own.schema?.toAPISchema().toGraphQLJSSchema();
    const queries = Object.keys(schema?.getQueryType()?.getFields() ?? {}).sort();
    const mutations = Object.keys(schema?.getMutationType()?.getFields() ?? {}).sort();
    expect(queries).toEqual([
      'delegatedTimeFreed',
      'delegationProtocol',
      'delegationProtocols',
      'task',
      'taskBoard',
      'taskCatalogue',
      'weeklyDelegationReview',
    ]);
    expect(mutations).toEqual([
      'adoptProtocol',
      'assignTask',
      'attachToTask',
      'commentTask',
      'createTask',
      'draftProtocol',
      'editProtocolDraft',
      'moveTask',
      'reportDysfunction',
      'retireProtocol',
      'reviseProtocol',
      'setTaskType',
    ]);
    for (const field of [...queries, ...mutations])
      expect(supergraph).toMatch(new RegExp(`\\s${field}(\\([^)]*\\))?: [^\\n]* @join__field\\(graph: DELEGATION\\)`));
    expect(supergraph).toMatch(/type Task\s+@join__type\(graph: DELEGATION\)/);
    // The patient of a task is the directory's entity: delegation names it by id, the directory gives its identity.
    expect(supergraph).toMatch(/type Patient[^{]*@join__type\(graph: DELEGATION, key: "id", resolvable: false\)/);
    // Task is delegation's alone, so its fields carry no @join__field: the field is found inside the type itself.
    expect(supergraph).toMatch(/type Task\s+@join__type\(graph: DELEGATION\)\s*\{[^}]*\n {2}patient: Patient\n/);
  });

  it('answers nothing to a caller the gateway did not sign for, reaching the subgraph directly', async () => {
    const result = await app.gql(`query($s: ID!) { taskCatalogue(structureId: $s) { code } }`, {
      s: practice.structureId,
    });
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("answers a member's board and catalogue through a gateway on that supergraph, and nobody without a user context", async () => {
    const gateway = new ApolloServer<TestCaller>({
      gateway: new ApolloGateway({
        supergraphSdl: composition.supergraphSdl,
        buildService: ({ name, url }) => new SignedContextDataSource(url, name),
      }),
    });
    await gateway.start();
    try {
      const ask = async (query: string, user?: UserContext) => {
        const response = await gateway.executeOperation(
          { query, variables: { s: practice.structureId } },
          { contextValue: { user } },
        );
        if (response.body.kind !== 'single') throw new Error('expected a single result');
        return response.body.singleResult;
      };
      const created = await app.ok<{ createTask: { id: string } }>(
        `mutation ($input: CreateTaskInput!) { createTask(input: $input) { id } }`,
        {
          input: {
            structureId: practice.structureId,
            taskType: 'phone_callback',
            title: 'Rappeler M. X',
            assigneeId: practice.secretary.id,
          },
        },
        practice.coordinator.user,
      );
      const board = `query($s: ID!) { taskBoard(filter: { structureId: $s, view: mine }) { id title status } }`;
      expect(await ask(board, practice.secretary.user)).toEqual({
        data: { taskBoard: [{ id: created.createTask.id, title: 'Rappeler M. X', status: 'todo' }] },
      });
      const catalogue = await ask(
        `query($s: ID!) { taskCatalogue(structureId: $s) { code } }`,
        practice.secretary.user,
      );
      expect(catalogue.errors).toBeUndefined();
      expect((catalogue.data as { taskCatalogue: unknown[] }).taskCatalogue).toHaveLength(11);
      const anonymous = await ask(board);
      expect(anonymous.data ?? null).toBeNull();
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await gateway.stop();
    }
  });
});

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
import { CoordinationTestApp } from './fixtures/coordination-test-app';
import { openPractice, scheduleMeeting, type Practice } from './fixtures/practice';

const QUERIES = [
  'aciConcertation',
  'eligiblePatientsToReview',
  'meeting',
  'meetingMinutes',
  'meetingMinutesPdf',
  'meetingProposals',
  'meetingSeries',
  'meetings',
  'myMeetings',
  'myNotifications',
  'pluriprofessionalRule',
];
const MUTATIONS = [
  'addActionItem',
  'addMeetingCase',
  'answerInvitation',
  'cancelMeeting',
  'closeMinutes',
  'createMeetingSeries',
  'endMeetingSeries',
  'markNotificationsRead',
  'recordAttendance',
  'recordDecision',
  'referenceProtocol',
  'removeActionItem',
  'removeDecision',
  'removeMeetingCase',
  'rescheduleMeeting',
  'scheduleMeeting',
  'setPluriprofessionalRule',
  'unreferenceProtocol',
  'updateMeetingCase',
];

/**
 * Coordination's subgraph composed with the real directory's, scheduling's and delegation's, as the gateway composes
 * them: no type of coordination may clash with theirs (scheduling's agenda shows meeting blocks, delegation's protocols
 * are cited by the minutes), and its operations are reached through the supergraph with a signed user context.
 */
describe("coordination's subgraph composes with the directory's, scheduling's and delegation's", () => {
  let app: CoordinationTestApp;
  let events: TestEventPublisher;
  let others: SubgraphProcess[] = [];
  let practice: Practice;
  let coordinationSdl: string;
  let composition: ReturnType<typeof composeServices>;

  beforeAll(async () => {
    app = await CoordinationTestApp.start('coordination_federation', { env: { LOG_LEVEL: 'warn' } });
    const ports = new Set<number>();
    while (ports.size < 4) ports.add(await freePort());
    const [directoryPort, schedulingPort, schedulingPublicPort, delegationPort] = [...ports];
    others = await Promise.all([
      SubgraphProcess.start('directory', directoryPort, 'coordination_directory'),
      SubgraphProcess.start('scheduling', schedulingPort, 'coordination_scheduling', {
        PUBLIC_PORT: String(schedulingPublicPort),
        KAFKA_CONSUMER_GROUP: `scheduling-for-coordination-${uniqueSuffix()}`,
      }),
      SubgraphProcess.start('delegation', delegationPort, 'coordination_fed_delegation', {
        KAFKA_CONSUMER_GROUP: `delegation-for-coordination-${uniqueSuffix()}`,
      }),
    ]);
    events = await TestEventPublisher.start('coordination-spec-federation');
    practice = await openPractice(app, events);
    coordinationSdl = await subgraphSdl(app.url);
    const [directory, scheduling, delegation] = others;
    composition = composeServices([
      { name: 'directory', url: `${directory.url}/graphql`, typeDefs: parse(await subgraphSdl(directory.url)) },
      { name: 'scheduling', url: `${scheduling.url}/graphql`, typeDefs: parse(await subgraphSdl(scheduling.url)) },
      { name: 'delegation', url: `${delegation.url}/graphql`, typeDefs: parse(await subgraphSdl(delegation.url)) },
      { name: 'coordination', url: `${app.url}/graphql`, typeDefs: parse(coordinationSdl) },
    ]);
  }, 300_000);

  afterAll(async () => {
    await events?.stop();
    await Promise.all([app?.stop(), ...others.map((o) => o.stop())]);
  });

  it('composes without errors, every query and mutation the console needs resolved by coordination', () => {
    expect(composition.errors?.map((e) => `${e.extensions.code}: ${e.message}`)).toBeUndefined();
    const supergraph = composition.supergraphSdl as string;
    const own = composeServices([
      { name: 'coordination', url: `${app.url}/graphql`, typeDefs: parse(coordinationSdl) },
    ]);
    const schema = own.schema?.toAPISchema().toGraphQLJSSchema();
    expect(Object.keys(schema?.getQueryType()?.getFields() ?? {}).sort()).toEqual(QUERIES);
    expect(Object.keys(schema?.getMutationType()?.getFields() ?? {}).sort()).toEqual(MUTATIONS);
    for (const field of [...QUERIES, ...MUTATIONS])
      expect(supergraph).toMatch(
        new RegExp(`\\s${field}(\\([^)]*\\))?: [^\\n]* @join__field\\(graph: COORDINATION\\)`),
      );
    expect(supergraph).toMatch(/type Meeting\s+@join__type\(graph: COORDINATION\)/);
  });

  it('answers nothing to a caller the gateway did not sign for, reaching the subgraph directly', async () => {
    const result = await app.gql(`query($id: ID!) { meeting(id: $id) { id } }`, { id: practice.structureId });
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("answers a member's meetings through a gateway on that supergraph, and nobody without a user context", async () => {
    const gateway = new ApolloServer<TestCaller>({
      gateway: new ApolloGateway({
        supergraphSdl: composition.supergraphSdl,
        buildService: ({ name, url }) => new SignedContextDataSource(url, name),
      }),
    });
    await gateway.start();
    try {
      const startsAt = new Date(Date.now() + 7 * 86_400_000);
      const meeting = await scheduleMeeting(
        app,
        practice,
        practice.coordinator,
        [practice.gps[0], practice.nurse],
        startsAt.toISOString(),
        new Date(startsAt.getTime() + 90 * 60_000).toISOString(),
      );
      const ask = async (user?: UserContext) => {
        const response = await gateway.executeOperation(
          {
            query: `query($from: String!, $to: String!) { myMeetings(from: $from, to: $to) { id title status } }`,
            variables: { from: new Date().toISOString(), to: new Date(Date.now() + 30 * 86_400_000).toISOString() },
          },
          { contextValue: { user } },
        );
        if (response.body.kind !== 'single') throw new Error('expected a single result');
        return response.body.singleResult;
      };
      expect(await ask(practice.nurse.user)).toEqual({
        data: { myMeetings: [{ id: meeting.id, title: 'RCP du mois', status: 'scheduled' }] },
      });
      const anonymous = await ask();
      expect(anonymous.data ?? null).toBeNull();
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await gateway.stop();
    }
  });
});

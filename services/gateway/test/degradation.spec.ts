import { TOPICS } from '@msp/contracts';
import { createKafkaClient } from '@msp/messaging';
import { expectEventually, testKafkaBrokers } from '@msp/testing';
import type { Producer } from 'kafkajs';
import request from 'supertest';
import { startAgendaSubgraph } from './fixtures/agenda-subgraph';
import { startEchoSubgraph, type RunningSubgraph } from './fixtures/echo-subgraph';
import {
  FrontDoorStack,
  MEMBER_CONTEXTS,
  USER_CONTEXT_PUBLIC_KEY,
  type RunningGateway,
} from './fixtures/front-door-stack';

const AGENDA = '{ agenda { id startsAt practitioner { id displayName } } }';
const SLOTS = '{ freeSlots }';
const ME = '{ viewer { memberId } }';
const SUBGRAPH_TIMEOUT_MS = 1_000;
const CONTEXT_TTL_MS = 300;

/**
 * The directory paused (its internal API and its subgraph hold every request unanswered, as under SIGSTOP) behind a real
 * gateway reading the directory's member events on the real Kafka: agendas and slots keep answering, partially where
 * identity is needed, for members seen before, past the context cache's lifetime; a member removed meanwhile is refused.
 * Without the subgraph timeout or the last verified contexts these requests would never answer (supertest gives up).
 */
describe('the gateway while the directory is paused', () => {
  let stack: FrontDoorStack;
  let directorySubgraph: RunningSubgraph;
  let scheduling: RunningSubgraph;
  let gateway: RunningGateway;
  let producer: Producer;

  const ask = async (member: string, query: string) =>
    request(gateway.url)
      .post('/graphql')
      .set('authorization', await stack.bearer({ subject: member }))
      .send({ query })
      .timeout(30_000);

  const served = async (member: string, query: string) => {
    const res = await ask(member, query);
    expect(res.status).toBe(200);
    return res;
  };

  const memberEvent = (type: string, memberId: string) =>
    producer.send({
      topic: TOPICS.directory,
      messages: [
        {
          key: memberId,
          value: JSON.stringify({ memberId, structureId: 'msp-2', leftAt: '2026-11-30T12:00:00Z' }),
          headers: { ce_type: type },
        },
      ],
    });

  beforeAll(async () => {
    stack = await FrontDoorStack.start({
      ...MEMBER_CONTEXTS,
      'm-3': { memberId: 'm-3', memberships: [{ structureId: 'msp-1', roles: ['secretary'], siteIds: [] }] },
    });
    directorySubgraph = await startEchoSubgraph(USER_CONTEXT_PUBLIC_KEY, 'directory');
    scheduling = await startAgendaSubgraph(USER_CONTEXT_PUBLIC_KEY, 'scheduling');
    producer = createKafkaClient('gateway-degradation-spec', testKafkaBrokers()).producer();
    await producer.connect();
    gateway = await stack.startGateway({
      GATEWAY_SUBGRAPHS: `directory=${directorySubgraph.url},scheduling=${scheduling.url}`,
      GATEWAY_SUBGRAPH_TIMEOUT_MS: String(SUBGRAPH_TIMEOUT_MS),
      GATEWAY_MEMBER_CONTEXT_TTL_MS: String(CONTEXT_TTL_MS),
      GATEWAY_MEMBER_CONTEXT_MAX_STALE_MS: '600000',
      KAFKA_BROKERS: testKafkaBrokers().join(','),
    });
    await expectEventually(
      () =>
        expect(gateway.logs.lines).toContainEqual(
          expect.objectContaining({ msg: 'hearing the directory member changes' }),
        ),
      60_000,
    );
  }, 120_000);

  afterAll(async () => {
    directorySubgraph?.resume();
    stack?.directory.resume();
    await producer?.disconnect();
    await stack?.stop();
    await directorySubgraph?.stop();
    await scheduling?.stop();
  });

  afterEach(() => {
    directorySubgraph.resume();
    stack.directory.resume();
  });

  const pauseDirectory = async () => {
    directorySubgraph.pause();
    stack.directory.pause();
    // Past the context cache's normal lifetime: every context below is a last verified one.
    await new Promise((resolve) => setTimeout(resolve, CONTEXT_TTL_MS * 2));
  };

  it('answers the agenda with the practitioner left out and an UNAVAILABLE error naming the directory', async () => {
    const before = await ask('m-1', AGENDA);
    expect(before.body).toEqual({
      data: {
        agenda: [
          {
            id: 'a-m-1',
            startsAt: '2026-12-01T08:30:00Z',
            practitioner: { id: 'm-1', displayName: 'Dr Camille Martin' },
          },
        ],
      },
    });
    await pauseDirectory();
    const during = await ask('m-1', AGENDA);
    expect(during.status).toBe(200);
    expect(during.body.data).toEqual({
      agenda: [{ id: 'a-m-1', startsAt: '2026-12-01T08:30:00Z', practitioner: null }],
    });
    expect(during.body.errors).toEqual([
      {
        message: expect.stringContaining(`The directory service did not answer within ${SUBGRAPH_TIMEOUT_MS} ms`),
        extensions: { code: 'UNAVAILABLE', reason: 'GATEWAY.SUBGRAPH_UNAVAILABLE', retryable: true },
      },
    ]);
  }, 60_000);

  it('answers free slots in full, and a question only the directory answers with an UNAVAILABLE error', async () => {
    await served('m-1', SLOTS);
    await pauseDirectory();
    const slots = await ask('m-1', SLOTS);
    expect(slots.body).toEqual({ data: { freeSlots: ['2026-12-01T09:00:00Z', '2026-12-01T09:15:00Z'] } });
    const me = await ask('m-1', ME);
    expect(me.body.data).toBeNull();
    expect(me.body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ reason: 'GATEWAY.SUBGRAPH_UNAVAILABLE' }) }),
    ]);
    expect(me.body.errors[0].message).toContain('directory');
  }, 60_000);

  it('refuses, as unavailable, a member it never verified', async () => {
    await pauseDirectory();
    const res = await ask('m-3', SLOTS);
    expect(res.status).toBe(503);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'UNAVAILABLE', retryable: true });
  }, 60_000);

  it('refuses at once a member the directory announces as gone, while still serving the others', async () => {
    await served('m-2', SLOTS);
    await served('m-1', SLOTS);
    await pauseDirectory();
    await served('m-2', SLOTS);
    await memberEvent('directory.member.left.v1', 'm-2');
    await expectEventually(async () => expect((await ask('m-2', SLOTS)).status).toBe(503), 30_000, 200);
    const other = await ask('m-1', SLOTS);
    expect(other.body.data).toEqual({ freeSlots: expect.any(Array) });
  }, 90_000);
});

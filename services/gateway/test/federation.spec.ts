import { verifyUserContext } from '@msp/auth';
import { CORRELATION_ID_HEADER } from '@msp/observability';
import request from 'supertest';
import {
  FrontDoorStack,
  MEMBER_CONTEXTS,
  USER_CONTEXT_PUBLIC_KEY,
  type RunningGateway,
} from './fixtures/front-door-stack';
import { startMemberSubgraph } from './member-subgraph';

describe('gateway composing a subgraph', () => {
  let stack: FrontDoorStack;
  let subgraph: Awaited<ReturnType<typeof startMemberSubgraph>>;
  let gateway: RunningGateway;
  let bearer: string;

  beforeAll(async () => {
    stack = await FrontDoorStack.start();
    subgraph = await startMemberSubgraph();
    gateway = await stack.startGateway({ GATEWAY_SUBGRAPHS: `members=${subgraph.url}`, LOG_LEVEL: 'silent' });
    bearer = await stack.bearer({ subject: 'm-1' });
  });

  afterAll(async () => {
    await stack?.stop();
    await subgraph?.stop();
  });

  it('serves the subgraph’s data through /graphql', async () => {
    const res = await request(gateway.url)
      .post('/graphql')
      .set('authorization', bearer)
      .send({ query: '{ member(id: "m1") { id displayName } }' })
      .expect(200);
    expect(res.body).toEqual({ data: { member: { id: 'm1', displayName: 'Dr Camille Martin' } } });
  });

  it('forwards the correlation id and the signed user context, and keeps the caller’s token', async () => {
    subgraph.received.length = 0;
    const res = await request(gateway.url)
      .post('/graphql')
      .set(CORRELATION_ID_HEADER, 'fed-corr-42')
      .set('authorization', bearer)
      .send({ query: '{ member(id: "m1") { displayName } }' })
      .expect(200);
    expect(res.headers[CORRELATION_ID_HEADER]).toBe('fed-corr-42');
    expect(subgraph.received).toEqual([
      { correlationId: 'fed-corr-42', authorization: undefined, userContext: expect.any(String) },
    ]);
    await expect(
      verifyUserContext(subgraph.received[0].userContext, USER_CONTEXT_PUBLIC_KEY, 'members'),
    ).resolves.toEqual(MEMBER_CONTEXTS['m-1']);
    // signed for this subgraph alone: another subgraph would refuse the same header
    await expect(
      verifyUserContext(subgraph.received[0].userContext, USER_CONTEXT_PUBLIC_KEY, 'scheduling'),
    ).rejects.toMatchObject({ reason: 'WRONG_AUDIENCE' });
  });

  it('forwards the id it generated when the caller sent none', async () => {
    subgraph.received.length = 0;
    const res = await request(gateway.url)
      .post('/graphql')
      .set('authorization', bearer)
      .send({ query: '{ member(id: "m1") { id } }' })
      .expect(200);
    expect(res.headers[CORRELATION_ID_HEADER]).toMatch(/^[0-9a-f-]{36}$/);
    expect(subgraph.received).toEqual([
      { correlationId: res.headers[CORRELATION_ID_HEADER], authorization: undefined, userContext: expect.any(String) },
    ]);
  });

  it('answers health probes without a token', async () => {
    await request(gateway.url).get('/health/live').expect(200);
    await request(gateway.url).get('/health/ready').expect(200, { status: 'ok', checks: {} });
  });
});

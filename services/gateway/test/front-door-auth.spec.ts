import { generateSigningKeyPair, signUserContext, USER_CONTEXT_HEADER } from '@msp/auth';
import { freePort } from '@msp/infra';
import request from 'supertest';
import { startEchoSubgraph, type RunningSubgraph } from './fixtures/echo-subgraph';
import {
  FrontDoorStack,
  MEMBER_CONTEXTS,
  USER_CONTEXT_PUBLIC_KEY,
  type RunningGateway,
} from './fixtures/front-door-stack';

const VIEWER = '{ viewer { memberId structureIds } }';

describe('authentication at the front door', () => {
  let stack: FrontDoorStack;
  let subgraph: RunningSubgraph;
  let gateway: RunningGateway;

  const ask = (authorization?: string, query = VIEWER) => {
    const call = request(gateway.url).post('/graphql');
    if (authorization) call.set('authorization', authorization);
    return call.send({ query });
  };

  const refusal = async (authorization: string | undefined) => {
    const res = await ask(authorization);
    expect(res.status).toBe(401);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toHaveLength(1);
    const [error] = res.body.errors;
    expect(error.extensions.code).toBe('UNAUTHENTICATED');
    expect(Object.keys(error.extensions).sort()).toEqual(['code', 'reason']);
    return { reason: error.extensions.reason as string, message: error.message as string };
  };

  beforeAll(async () => {
    stack = await FrontDoorStack.start({
      ...MEMBER_CONTEXTS,
      'm-garbled': { memberId: 'm-garbled', memberships: [{ structureId: 'msp-1', roles: ['overlord'], siteIds: [] }] },
    });
    subgraph = await startEchoSubgraph(USER_CONTEXT_PUBLIC_KEY);
    gateway = await stack.startGateway({ GATEWAY_SUBGRAPHS: `echo=${subgraph.url}` });
  });

  afterAll(async () => {
    await stack?.stop();
    await subgraph?.stop();
  });

  it('serves a member with a valid token, and the subgraph sees that member', async () => {
    const res = await ask(await stack.bearer({ subject: 'm-1' })).expect(200);
    expect(res.body).toEqual({ data: { viewer: { memberId: 'm-1', structureIds: ['msp-1'] } } });
    const other = await ask(await stack.bearer({ subject: 'm-2' })).expect(200);
    expect(other.body).toEqual({ data: { viewer: { memberId: 'm-2', structureIds: ['msp-2'] } } });
  });

  it('asks the directory once for a member making several requests in a row', async () => {
    const token = await stack.bearer({ subject: 'm-1' });
    await Promise.all([ask(token).expect(200), ask(token).expect(200), ask(token).expect(200)]);
    // The first test already asked for m-1: every request since was served from the cache.
    expect(stack.directory.calls.filter((id) => id === 'm-1')).toHaveLength(1);
  });

  it('refuses a request without a token, saying how to authenticate', async () => {
    expect(await refusal(undefined)).toEqual({
      reason: 'MISSING_TOKEN',
      message: expect.stringContaining('bearer token in the Authorization header'),
    });
  });

  it.each([
    [
      'an expired token',
      () => stack.bearer({ subject: 'm-1', expiresIn: Math.floor(Date.now() / 1000) - 60 }),
      'EXPIRED_TOKEN',
      /expired/,
    ],
    [
      'a token signed by another key',
      async () => `Bearer ${await stack.forger.issue({ subject: 'm-1' })}`,
      'INVALID_SIGNATURE',
      /signature/,
    ],
    [
      'a token for another audience',
      () => stack.bearer({ subject: 'm-1', audience: 'another-app' }),
      'WRONG_AUDIENCE',
      /audience/,
    ],
    [
      'a token from another issuer',
      () => stack.bearer({ subject: 'm-1', issuer: 'https://evil.example' }),
      'WRONG_ISSUER',
      /issuer/,
    ],
    ['a garbled token', async () => 'Bearer not.a.jwt', 'MALFORMED_TOKEN', /well-formed/],
    ['a valid token naming no member', () => stack.bearer({ subject: 'm-unknown' }), 'UNKNOWN_MEMBER', /no member/],
  ])('refuses %s', async (_label, header, reason, message) => {
    const refused = await refusal(await header());
    expect(refused.reason).toBe(reason);
    expect(refused.message).toMatch(message);
  });

  it('answers UNAVAILABLE when the directory gives a context it cannot trust', async () => {
    const res = await ask(await stack.bearer({ subject: 'm-garbled' }));
    expect(res.status).toBe(503);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors[0].extensions).toEqual({
      code: 'UNAVAILABLE',
      reason: 'GATEWAY.UNAVAILABLE',
      retryable: true,
    });
  });

  it('answers UNAVAILABLE, and lets nobody through, when the directory is down', async () => {
    const orphan = await stack.startGateway({
      GATEWAY_SUBGRAPHS: `echo=${subgraph.url}`,
      DIRECTORY_INTERNAL_URL: `http://127.0.0.1:${await freePort()}`,
    });
    const requestsBefore = subgraph.requests;
    const res = await request(orphan.url)
      .post('/graphql')
      .set('authorization', await stack.bearer({ subject: 'm-1' }))
      .send({ query: VIEWER });
    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      errors: [
        {
          message: expect.stringMatching(/directory cannot be reached/),
          extensions: { code: 'UNAVAILABLE', reason: 'GATEWAY.UNAVAILABLE', retryable: true },
        },
      ],
    });
    expect(subgraph.requests).toBe(requestsBefore);
  });

  it('does not forward the caller’s token: a subgraph reached directly refuses it', async () => {
    const direct = await request(subgraph.url)
      .post('')
      .set('authorization', await stack.bearer({ subject: 'm-1' }))
      .send({ query: VIEWER });
    expect(direct.body.data).toBeNull();
    expect(direct.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'MISSING_TOKEN' });
  });

  it("a subgraph reached directly refuses a user context signed with another key than the gateway's", async () => {
    const forged = await signUserContext(MEMBER_CONTEXTS['m-1'], generateSigningKeyPair().privateKey, 'echo');
    const direct = await request(subgraph.url).post('').set(USER_CONTEXT_HEADER, forged).send({ query: VIEWER });
    expect(direct.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_SIGNATURE' });
  });
});

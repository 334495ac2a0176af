import { CORRELATION_ID_HEADER } from '@msp/observability';
import request from 'supertest';
import { startEchoSubgraph, type RunningSubgraph } from './fixtures/echo-subgraph';
import { FrontDoorStack, USER_CONTEXT_PUBLIC_KEY, type RunningGateway } from './fixtures/front-door-stack';

/** `member { colleagues { colleagues { … { id } } } }`, `depth` fields deep. */
const nested = (depth: number): string =>
  `{ member(id: "m-1") ${'{ colleagues '.repeat(depth - 2)}{ id }${' }'.repeat(depth - 2)} }`;

describe('query limits, error masking and operation logs at the front door', () => {
  let stack: FrontDoorStack;
  let subgraph: RunningSubgraph;
  let gateway: RunningGateway;
  let bearer: string;

  const ask = (body: Record<string, unknown>, correlationId?: string) => {
    const call = request(gateway.url).post('/graphql').set('authorization', bearer);
    if (correlationId) call.set(CORRELATION_ID_HEADER, correlationId);
    return call.send(body);
  };

  beforeAll(async () => {
    stack = await FrontDoorStack.start();
    subgraph = await startEchoSubgraph(USER_CONTEXT_PUBLIC_KEY);
    gateway = await stack.startGateway({ GATEWAY_SUBGRAPHS: `echo=${subgraph.url}`, GRAPHQL_MAX_COST: '400' });
    bearer = await stack.bearer({ subject: 'm-1' });
  });

  afterAll(async () => {
    await stack?.stop();
    await subgraph?.stop();
  });

  describe('limits', () => {
    it('serves a query within the limits', async () => {
      const res = await ask({ query: nested(10) }).expect(200);
      expect(res.body.errors).toBeUndefined();
    });

    it('refuses a query deeper than GRAPHQL_MAX_DEPTH before any subgraph is called', async () => {
      const before = subgraph.requests;
      const res = await ask({ query: nested(12) }).expect(400);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors).toContainEqual({
        message: 'Query depth limit of 10 exceeded, found 12. Simplify the query or split it.',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
      expect(subgraph.requests).toBe(before);
    });

    it('refuses a query costing more than GRAPHQL_MAX_COST', async () => {
      // Each costs 2 + 1.5 × (2 + 1.5 × (… (2 + 1.5 × 2)) ≈ 64 under the default weights; ten of them are over 400.
      const aliased = (alias: string) =>
        `${alias}: member(id: "m-1") { colleagues { colleagues { colleagues { colleagues { colleagues { id displayName } } } } } }`;
      await ask({ query: `{ ${aliased('a')} }` }).expect(200);
      const wide = Array.from({ length: 10 }, (_, i) => aliased(`a${i}`)).join(' ');
      const res = await ask({ query: `{ ${wide} }` }).expect(400);
      expect(res.body.errors).toEqual([
        {
          message: expect.stringMatching(/^Query Cost limit of 400 exceeded, found \d+/),
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ]);
    });

    it('refuses too many aliases and oversized documents', async () => {
      const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: viewer { memberId }`).join(' ');
      const tooMany = await ask({ query: `{ ${aliases} }` }).expect(400);
      expect(tooMany.body.errors[0].message).toMatch(/Aliases limit of 15 exceeded/);
      const huge = await ask({ query: `{ viewer { ${'memberId '.repeat(2_100)}} }` }).expect(400);
      expect(huge.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'GRAPHQL_PARSE_FAILED' } })]);
      expect(huge.body.errors[0].message).toMatch(/more that 2000 tokens/);
    });

    it('does not suggest field names to a caller who guesses', async () => {
      const res = await ask({ query: '{ viewr { memberId } }' }).expect(400);
      expect(res.body.errors[0].message).not.toMatch(/Did you mean/);
      expect(res.body.errors[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    });
  });

  describe('errors', () => {
    it('masks an internal subgraph error behind a reference, and logs it in full under that reference', async () => {
      gateway.logs.clear();
      const res = await ask({ query: '{ broken }' }, 'corr-broken-1').expect(200);
      expect(res.body).toEqual({
        data: null,
        errors: [
          {
            message: 'Internal error (reference corr-broken-1)',
            path: ['broken'],
            extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: 'corr-broken-1' },
          },
        ],
      });
      expect(JSON.stringify(res.body)).not.toMatch(/hunter2|patient|stacktrace/);
      const logged = gateway.logs.lines.find((line) => line.msg === 'internal error masked');
      expect(logged).toMatchObject({ level: 50, correlationId: 'corr-broken-1', reference: 'corr-broken-1' });
      expect(JSON.stringify(logged)).toContain('password=hunter2');
      expect(logged?.stack).toEqual(expect.stringContaining('\n    at '));
    });

    it('passes a domain error through with its message and code only', async () => {
      const res = await ask({ query: '{ slotTaken }' }).expect(200);
      expect(res.body.errors).toEqual([
        { message: 'That slot was just taken', path: ['slotTaken'], extensions: { code: 'SCHEDULING.SLOT_TAKEN' } },
      ]);
    });

    it('passes an outage through as a retryable UNAVAILABLE, without internals', async () => {
      const res = await ask({ query: '{ databaseDown }' }).expect(200);
      expect(res.body.errors).toEqual([
        {
          message: 'Please try again shortly',
          path: ['databaseDown'],
          extensions: { code: 'UNAVAILABLE', reason: 'PLATFORM.UNAVAILABLE', retryable: true },
        },
      ]);
    });

    it('passes an input error through with the field it names', async () => {
      const res = await ask({ query: 'mutation { renameMember(displayName: "") { id } }' }).expect(200);
      expect(res.body.errors).toEqual([
        expect.objectContaining({
          message: 'The display name must not be empty',
          extensions: { code: 'BAD_USER_INPUT', field: 'displayName' },
        }),
      ]);
    });
  });

  describe('operation logs', () => {
    it('writes one line per operation: name, duration, correlation id, member, error codes', async () => {
      gateway.logs.clear();
      await ask({ query: 'query WhoAmI { viewer { memberId } }' }, 'corr-log-1').expect(200);
      await ask({ query: 'query SlotTaken { slotTaken }' }, 'corr-log-2').expect(200);
      expect(gateway.logs.operations()).toEqual([
        expect.objectContaining({
          operationName: 'WhoAmI',
          operationType: 'query',
          durationMs: expect.any(Number),
          correlationId: 'corr-log-1',
          memberId: 'm-1',
          errorCodes: [],
        }),
        expect.objectContaining({
          operationName: 'SlotTaken',
          correlationId: 'corr-log-2',
          errorCodes: ['SCHEDULING.SLOT_TAKEN'],
        }),
      ]);
    });

    it('logs refused requests too, with the reason', async () => {
      gateway.logs.clear();
      await request(gateway.url)
        .post('/graphql')
        .set(CORRELATION_ID_HEADER, 'corr-log-3')
        .send({ query: 'query WhoAmI { viewer { memberId } }', operationName: 'WhoAmI' })
        .expect(401);
      expect(gateway.logs.operations()).toEqual([
        expect.objectContaining({
          operationName: 'WhoAmI',
          correlationId: 'corr-log-3',
          errorCodes: ['UNAUTHENTICATED'],
          authFailure: 'MISSING_TOKEN',
        }),
      ]);
    });

    it('never logs variables, literal arguments or response data', async () => {
      gateway.logs.clear();
      await ask({
        query:
          'query FindMember($name: String!) { member(id: "m-2") { displayName } renameMember(displayName: $name) { id } }',
        variables: { name: 'Jean Dupont' },
      });
      await ask({
        query: 'mutation Rename($name: String!) { renameMember(displayName: $name) { id } }',
        variables: { name: 'Jean Dupont' },
      });
      await ask({ query: '{ member(id: "patient-dupont-1956") { displayName } }' });
      const everything = gateway.logs.raw.join('\n');
      expect(gateway.logs.operations()).toHaveLength(3);
      expect(everything).not.toMatch(/dupont|Léa Bernard/i);
    });
  });
});

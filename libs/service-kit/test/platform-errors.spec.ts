import { Logger } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { invalidInput, notFound } from '@msp/errors';
import { buildSchema, GraphQLError, type GraphQLObjectType } from 'graphql';
import { lastValueFrom, of } from 'rxjs';
import { ArgumentChecksInterceptor, HttpInputChecksPipe, PlatformExceptionFilter } from '../src';

const graphqlHost = (
  args: unknown[] = [{}, {}, {}, { parentType: { name: 'Mutation' }, fieldName: 'updatePatient' }],
) => {
  const host = new ExecutionContextHost(args);
  host.setType('graphql');
  return host;
};

describe('PlatformExceptionFilter', () => {
  let filter: PlatformExceptionFilter;
  let logs: { log: jest.SpyInstance; warn: jest.SpyInstance; error: jest.SpyInstance };

  beforeEach(() => {
    filter = new PlatformExceptionFilter('directory');
    logs = {
      log: jest.spyOn(Logger.prototype, 'log').mockImplementation(),
      warn: jest.spyOn(Logger.prototype, 'warn').mockImplementation(),
      error: jest.spyOn(Logger.prototype, 'error').mockImplementation(),
    };
  });
  afterEach(() => jest.restoreAllMocks());

  it('answers a refusal with the generic code, the reason and the field, logged once at info without a stack', () => {
    const answer = filter.catch(notFound('DIRECTORY.NOT_FOUND', 'Patient', 'id'), graphqlHost()) as GraphQLError;
    expect(answer).toBeInstanceOf(GraphQLError);
    expect(answer.message).toBe('id: Patient not found');
    expect(answer.extensions).toEqual({ code: 'NOT_FOUND', reason: 'DIRECTORY.NOT_FOUND', field: 'id' });
    expect(logs.log).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(logs.log.mock.calls[0])).not.toMatch(/\n\s+at /);
    expect(logs.log.mock.calls[0][0]).toMatchObject({
      reason: 'DIRECTORY.NOT_FOUND',
      operation: 'Mutation.updatePatient',
    });
    expect(logs.error).not.toHaveBeenCalled();
    expect(logs.warn).not.toHaveBeenCalled();
  });

  it('answers a database connection terminated by the server as a retryable UNAVAILABLE, logged at warn', () => {
    const terminated = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
    const answer = filter.catch(Object.assign(new Error('query failed'), { driverError: terminated }), graphqlHost());
    expect((answer as GraphQLError).extensions).toEqual({
      code: 'UNAVAILABLE',
      reason: 'PLATFORM.UNAVAILABLE',
      retryable: true,
    });
    expect(logs.warn).toHaveBeenCalledTimes(1);
    expect(logs.warn.mock.calls[0][0]).toMatchObject({ cause: 'query failed' });
    expect(logs.error).not.toHaveBeenCalled();
  });

  it('logs only the unexpected as an error, with the error itself (and so its stack)', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    expect(filter.catch(bug, graphqlHost())).toBe(bug);
    expect(logs.error).toHaveBeenCalledWith(expect.objectContaining({ msg: 'unexpected error', err: bug }));
  });

  it('answers HTTP routes by kind too', () => {
    const response = { status: jest.fn().mockReturnThis(), json: jest.fn() };
    const host = new ExecutionContextHost([{}, response]);
    host.setType('http');
    filter.catch(invalidInput('DIRECTORY.INVALID_INPUT', 'phone', 'is required'), host);
    expect(response.status).toHaveBeenCalledWith(400);
    expect(response.json).toHaveBeenCalledWith({
      code: 'DIRECTORY.INVALID_INPUT',
      message: 'phone: is required',
      field: 'phone',
    });
  });

  it('hands a Kafka consumer its failure back untouched, for its retries and dead letters', async () => {
    const failure = new Error('handler failed');
    const host = new ExecutionContextHost([]);
    host.setType('rpc');
    await expect(lastValueFrom(filter.catch(failure, host) as ReturnType<typeof of>)).rejects.toBe(failure);
  });
});

describe('ArgumentChecksInterceptor', () => {
  const schema = buildSchema(`
    input OpeningHoursInput { opens: String! }
    input UpdateInput { memberId: ID!, label: String, siteIds: [ID!], hours: [OpeningHoursInput!] }
    type Query { ok: Boolean }
    type Mutation { update(input: UpdateInput!, note: String): Boolean }
  `);
  const interceptor = new ArgumentChecksInterceptor('directory');
  const call = (args: Record<string, unknown>) => {
    const info = { parentType: schema.getMutationType() as GraphQLObjectType, fieldName: 'update' };
    const context = graphqlHost([{}, args, {}, info]);
    try {
      interceptor.intercept(context, { handle: () => of(true) });
      return undefined;
    } catch (error) {
      return error;
    }
  };
  const memberId = '0b8f6d2e-1c1a-4f5b-9c3d-2a1b0c9d8e7f';

  it('lets well-formed arguments through', () => {
    expect(call({ input: { memberId, label: 'Consultation 🩺', siteIds: [memberId] }, note: null })).toBeUndefined();
  });

  it.each([
    ['an ID that is not a UUID', { input: { memberId: "1' or '1'='1" } }, 'input.memberId'],
    ['a bad ID inside a list', { input: { memberId, siteIds: [memberId, 'x'] } }, 'input.siteIds[1]'],
    ['a NUL byte in text', { input: { memberId, label: 'a\u0000b' } }, 'input.label'],
    [
      'a NUL byte deep in a list of inputs',
      { input: { memberId, hours: [{ opens: '\u0000' }] } },
      'input.hours[0].opens',
    ],
    ['10,000 characters in a top-level argument', { input: { memberId }, note: 'x'.repeat(10_000) }, 'note'],
  ])('refuses %s, naming the path, with the service invalid-input code', (_label, args, field) => {
    expect(call(args)).toMatchObject({ kind: 'invalid', code: 'DIRECTORY.INVALID_INPUT', field });
  });
});

describe('HttpInputChecksPipe', () => {
  const pipe = new HttpInputChecksPipe('scheduling');
  const refusal = (value: unknown, type: 'body' | 'query' | 'param' | 'custom', data?: string) => {
    try {
      pipe.transform(value, { type, data });
      return undefined;
    } catch (error) {
      return error;
    }
  };

  it('refuses a NUL byte anywhere in a body, naming its path', () => {
    expect(refusal({ patient: { lastName: 'Dupr\u0000é' } }, 'body')).toMatchObject({
      kind: 'invalid',
      code: 'SCHEDULING.INVALID_INPUT',
      field: 'patient.lastName',
    });
  });

  it('refuses an oversized query parameter or path segment', () => {
    expect(refusal('x'.repeat(10_000), 'query', 'phone')).toMatchObject({ field: 'phone' });
    expect(refusal('a\u0000', 'param', 'token')).toMatchObject({ field: 'token' });
  });

  it('lets ordinary input, and what is not HTTP input, through', () => {
    expect(refusal({ patient: { lastName: 'Dupré 🩺' }, slots: ['2026-12-01'] }, 'body')).toBeUndefined();
    expect(refusal('a\u0000', 'custom')).toBeUndefined();
  });
});

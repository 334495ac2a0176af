import {
  conflict,
  DomainError,
  ERROR_KINDS,
  forbidden,
  graphQLCodeOf,
  graphQLExtensionsOf,
  httpAnswerOf,
  httpStatusOf,
  inputChecks,
  invalidInput,
  knownFailureOf,
  logKnownFailure,
  notFound,
  outageOf,
  unavailable,
} from '../src';

describe('error vocabulary', () => {
  it('maps every kind to its GraphQL code and HTTP status', () => {
    expect(ERROR_KINDS.map((kind) => [kind, graphQLCodeOf(kind), httpStatusOf(kind)])).toEqual([
      ['invalid', 'BAD_USER_INPUT', 400],
      ['not_found', 'NOT_FOUND', 404],
      ['forbidden', 'FORBIDDEN', 403],
      ['conflict', 'CONFLICT', 409],
      ['unavailable', 'UNAVAILABLE', 503],
    ]);
  });

  it('gives GraphQL the generic code, the service reason, the field, and retryable only for outages', () => {
    expect(graphQLExtensionsOf(invalidInput('X.INVALID_INPUT', 'input.phone', 'is not a phone number'))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'X.INVALID_INPUT',
      field: 'input.phone',
    });
    expect(graphQLExtensionsOf(notFound('X.NOT_FOUND', 'Patient', 'id'))).toEqual({
      code: 'NOT_FOUND',
      reason: 'X.NOT_FOUND',
      field: 'id',
    });
    expect(graphQLExtensionsOf(unavailable('X.DOWN', 'down'))).toEqual({
      code: 'UNAVAILABLE',
      reason: 'X.DOWN',
      retryable: true,
    });
    expect(httpAnswerOf(conflict('X.TAKEN', 'taken', 'input.startsAt'))).toEqual({
      status: 409,
      body: { code: 'X.TAKEN', message: 'taken', field: 'input.startsAt' },
    });
    expect(forbidden('X.FORBIDDEN')).toMatchObject({ kind: 'forbidden', retryable: false });
  });

  it('names the field in the message of invalid input and of a missing object addressed by a field', () => {
    expect(invalidInput('X.INVALID_INPUT', 'input.phone', 'is not a phone number').message).toBe(
      'input.phone: is not a phone number',
    );
    expect(notFound('X.NOT_FOUND', 'Patient', 'id').message).toBe('id: Patient not found');
    expect(notFound('X.NOT_FOUND', 'Patient').message).toBe('Patient not found');
  });
});

describe('outageOf', () => {
  const pgError = (code: string) => Object.assign(new Error('pg'), { code });

  it.each([
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['administrator shutdown (pg_terminate_backend)', pgError('57P01')],
    ['connection exception class 08', pgError('08006')],
    ['connection terminated without a code', new Error('Connection terminated unexpectedly')],
    ['pool timeout', new Error('timeout exceeded when trying to connect')],
    ['TypeORM wrapping the driver error', Object.assign(new Error('query failed'), { driverError: pgError('57P01') })],
    ['kafkajs connection error', Object.assign(new Error('broker down'), { name: 'KafkaJSConnectionError' })],
  ])('answers a retryable unavailable for %s', (_label, error) => {
    expect(outageOf(error)).toMatchObject({ kind: 'unavailable', retryable: true, code: 'PLATFORM.UNAVAILABLE' });
  });

  it.each([
    ['a unique violation', pgError('23505')],
    ['a plain bug', new TypeError('x is undefined')],
    ['a refusal', notFound('X.NOT_FOUND', 'Site')],
    ['a string', 'boom'],
  ])('leaves %s alone', (_label, error) => {
    expect(outageOf(error)).toBeUndefined();
  });

  it('keeps an unavailable domain error as it is', () => {
    const down = unavailable('X.DIRECTORY_UNAVAILABLE', 'directory down');
    expect(outageOf(down)).toBe(down);
  });
});

describe('what a filter answers and logs', () => {
  const logger = () => ({ log: jest.fn(), warn: jest.fn() });

  it('answers a refusal as it was thrown and logs it once at info, without a stack', () => {
    const refusal = invalidInput('X.INVALID_INPUT', 'input.phone', 'is not a phone number');
    const sink = logger();
    expect(knownFailureOf(refusal)).toBe(refusal);
    logKnownFailure(sink, refusal, { operation: 'Mutation.x' });
    expect(sink.log).toHaveBeenCalledWith({
      msg: 'invalid: input.phone: is not a phone number',
      reason: 'X.INVALID_INPUT',
      field: 'input.phone',
      operation: 'Mutation.x',
    });
    expect(sink.warn).not.toHaveBeenCalled();
    expect(JSON.stringify(sink.log.mock.calls)).not.toContain('at ');
  });

  it('answers a driver error as the outage it stands for, logged at warn with its cause', () => {
    const sink = logger();
    const failure = knownFailureOf(Object.assign(new Error('terminating connection'), { code: '57P01' }));
    expect(failure).toMatchObject({ kind: 'unavailable', retryable: true });
    logKnownFailure(sink, failure!);
    expect(sink.warn).toHaveBeenCalledWith(expect.objectContaining({ cause: 'terminating connection' }));
    expect(sink.log).not.toHaveBeenCalled();
  });

  it('leaves the unexpected to the filter (undefined)', () => {
    expect(knownFailureOf(new TypeError('x is undefined'))).toBeUndefined();
  });
});

describe('inputChecks', () => {
  const checks = inputChecks('X.INVALID_INPUT');
  const refusal = (work: () => unknown): DomainError | undefined => {
    try {
      work();
    } catch (error) {
      return error as DomainError;
    }
    return undefined;
  };

  it('accepts ids, real instants, storable text and IANA zones', () => {
    expect(checks.uuid('0B8F6D2E-1C1A-4F5B-9C3D-2A1B0C9D8E7F', 'id')).toBe('0b8f6d2e-1c1a-4f5b-9c3d-2a1b0c9d8e7f');
    expect(checks.instant('2026-03-30T09:00:00+02:00', 'from').toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(checks.text('Consultation 🩺', 'input.label')).toBe('Consultation 🩺');
    expect(checks.timeZone('Indian/Reunion', 'timeZone')).toBe('Indian/Reunion');
  });

  it.each([
    ['a malformed id', () => checks.uuid("1' or '1'='1", 'input.memberId'), 'input.memberId', /not an id/],
    ['a bad id in a list', () => checks.uuids(['x'], 'siteIds'), 'siteIds[0]', /not an id/],
    ['a NUL byte', () => checks.text('a\u0000b', 'input.label'), 'input.label', /NUL/],
    ['10,000 characters', () => checks.text('x'.repeat(10_000), 'input.label'), 'input.label', /at most 2000/],
    ['an impossible date', () => checks.instant('2026-02-30T09:00:00Z', 'from'), 'from', /not an ISO-8601/],
    ['a far-future instant', () => checks.instant('9999-12-31T23:59:59Z', 'input.startsAt'), 'input.startsAt', /range/],
    ['a local time without offset', () => checks.instant('2026-03-30T09:00:00', 'from'), 'from', /offset/],
    ['a fixed offset as zone', () => checks.timeZone('UTC+2', 'timeZone'), 'timeZone', /IANA/],
  ])('refuses %s, naming the field', (_label, work, field, reason) => {
    const error = refusal(work);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'invalid', code: 'X.INVALID_INPUT', field });
    expect(error?.message).toMatch(reason);
  });
});

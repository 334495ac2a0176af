import { z } from 'zod';
import { demoDataSwitch, describeServiceEnv, parseServiceEnv, platformServiceEnv } from '../src';

const SECRET = 's'.repeat(32);
const VALID = {
  DATABASE_URL: 'postgres://msp:hunter2@127.0.0.1:5432/msp_sample',
  KAFKA_BROKERS: '127.0.0.1:9092',
  USER_CONTEXT_SECRET: SECRET,
  INTERNAL_SERVICE_SECRET: SECRET,
};

const parse = (env: NodeJS.ProcessEnv) => parseServiceEnv('sample', platformServiceEnv(4100), env);
const failure = (env: NodeJS.ProcessEnv): string => {
  try {
    parse(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
};

describe('platformServiceEnv and parseServiceEnv', () => {
  it('reads the required variables and defaults the optional ones (port, host)', () => {
    expect(parse(VALID)).toEqual({ ...VALID, PORT: 4100, HOST: '127.0.0.1' });
    expect(parse({ ...VALID, PORT: '0', HOST: '0.0.0.0' })).toMatchObject({ PORT: 0, HOST: '0.0.0.0' });
  });

  it('ignores variables it does not know', () => {
    expect(parse({ ...VALID, PATH: '/usr/bin', LOG_LEVEL: 'debug' })).not.toHaveProperty('PATH');
  });

  it.each([
    ['DATABASE_URL', { DATABASE_URL: undefined }],
    ['KAFKA_BROKERS', { KAFKA_BROKERS: undefined }],
    ['USER_CONTEXT_SECRET', { USER_CONTEXT_SECRET: undefined }],
    ['INTERNAL_SERVICE_SECRET', { INTERNAL_SERVICE_SECRET: undefined }],
  ])('refuses a missing %s, naming it', (variable, override) => {
    const message = failure({ ...VALID, ...override });
    expect(message).toMatch(/^Invalid sample configuration:\n/);
    expect(message).toMatch(new RegExp(`^  ${variable}: .+$`, 'm'));
  });

  it.each([
    ['a DATABASE_URL that is not a URL', { DATABASE_URL: 'localhost/msp' }, 'DATABASE_URL: must be a postgres:// URL'],
    ['an empty KAFKA_BROKERS', { KAFKA_BROKERS: '' }, 'KAFKA_BROKERS: must list at least one host:port'],
    ['a short secret', { USER_CONTEXT_SECRET: 'short' }, 'USER_CONTEXT_SECRET: must be at least 32 characters'],
    ['a port out of range', { PORT: '70000' }, 'PORT: '],
    ['a port that is not a number', { PORT: 'http' }, 'PORT: '],
  ])('refuses %s with the reason', (_label, override, line) => {
    expect(failure({ ...VALID, ...override })).toContain(`\n  ${line}`);
  });

  it('names every wrong variable at once, one per line', () => {
    const message = failure({ ...VALID, DATABASE_URL: 'nope', INTERNAL_SERVICE_SECRET: 'short', PORT: '-1' });
    const named = message
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(':')[0]);
    expect(named.sort()).toEqual(['DATABASE_URL', 'INTERNAL_SERVICE_SECRET', 'PORT']);
  });

  it('never echoes a secret it refuses', () => {
    expect(failure({ ...VALID, USER_CONTEXT_SECRET: 'too-short-to-be-kept' })).not.toContain('too-short-to-be-kept');
  });

  it("extends with a service's own variables, such as its demo-data switch", () => {
    const schema = platformServiceEnv(4100).extend({ SAMPLE_DEMO_DATA: demoDataSwitch });
    expect(parseServiceEnv('sample', schema, VALID).SAMPLE_DEMO_DATA).toBe('skip');
    expect(parseServiceEnv('sample', schema, { ...VALID, SAMPLE_DEMO_DATA: 'load' }).SAMPLE_DEMO_DATA).toBe('load');
    expect(() => parseServiceEnv('sample', schema, { ...VALID, SAMPLE_DEMO_DATA: 'yes' })).toThrow(
      /\n {2}SAMPLE_DEMO_DATA: must be "load" or "skip"/,
    );
  });

  it('names nested paths with dots', () => {
    const schema = z.object({ LIMITS: z.object({ MAX: z.number({ message: 'must be a number' }) }) });
    expect(() => parseServiceEnv('sample', schema, { LIMITS: {} } as unknown as NodeJS.ProcessEnv)).toThrow(
      '  LIMITS.MAX: must be a number',
    );
  });
});

describe('describeServiceEnv', () => {
  it('can be logged: the database password and the secrets are hidden', () => {
    const described = describeServiceEnv({
      port: 4100,
      host: '127.0.0.1',
      databaseUrl: VALID.DATABASE_URL,
      kafkaBrokers: ['127.0.0.1:9092'],
    });
    expect(described).toEqual({
      port: 4100,
      host: '127.0.0.1',
      databaseUrl: 'postgres://msp:***@127.0.0.1:5432/msp_sample',
      kafkaBrokers: ['127.0.0.1:9092'],
      secrets: '***',
    });
    expect(JSON.stringify(described)).not.toContain('hunter2');
  });
});

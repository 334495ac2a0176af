import { z } from 'zod';
import { generateSigningKeyPair } from '@msp/auth';
import { demoDataSwitch, describeServiceEnv, parseServiceEnv, platformServiceEnv, platformTrustOf } from '../src';

const GATEWAY = generateSigningKeyPair();
const SELF = generateSigningKeyPair();
const VALID = {
  DATABASE_URL: 'postgres://msp:hunter2@127.0.0.1:5432/msp_sample',
  KAFKA_BROKERS: '127.0.0.1:9092',
  USER_CONTEXT_PUBLIC_KEY: GATEWAY.publicKey,
  SERVICE_PRIVATE_KEY: SELF.privateKey,
  SERVICE_PUBLIC_KEYS: `gateway=${GATEWAY.publicKey},sample=${SELF.publicKey}`,
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
    expect(parse(VALID)).toEqual({ ...VALID, PORT: 4100, HOST: '127.0.0.1', INTERNAL_DEVELOPMENT_ROUTES: 'off' });
    expect(parse({ ...VALID, PORT: '0', HOST: '0.0.0.0' })).toMatchObject({ PORT: 0, HOST: '0.0.0.0' });
  });

  it('ignores variables it does not know', () => {
    expect(parse({ ...VALID, PATH: '/usr/bin', LOG_LEVEL: 'debug' })).not.toHaveProperty('PATH');
  });

  it.each([
    ['DATABASE_URL', { DATABASE_URL: undefined }],
    ['KAFKA_BROKERS', { KAFKA_BROKERS: undefined }],
    ['USER_CONTEXT_PUBLIC_KEY', { USER_CONTEXT_PUBLIC_KEY: undefined }],
    ['SERVICE_PRIVATE_KEY', { SERVICE_PRIVATE_KEY: undefined }],
    ['SERVICE_PUBLIC_KEYS', { SERVICE_PUBLIC_KEYS: undefined }],
  ])('refuses a missing %s, naming it', (variable, override) => {
    const message = failure({ ...VALID, ...override });
    expect(message).toMatch(/^Invalid sample configuration:\n/);
    expect(message).toMatch(new RegExp(`^  ${variable}: .+$`, 'm'));
  });

  it.each([
    ['a DATABASE_URL that is not a URL', { DATABASE_URL: 'localhost/msp' }, 'DATABASE_URL: must be a postgres:// URL'],
    ['an empty KAFKA_BROKERS', { KAFKA_BROKERS: '' }, 'KAFKA_BROKERS: must list at least one host:port'],
    [
      'a private key where the public one goes',
      { USER_CONTEXT_PUBLIC_KEY: GATEWAY.privateKey },
      'USER_CONTEXT_PUBLIC_KEY: must be an Ed25519 public key',
    ],
    [
      'a public key where the private one goes',
      { SERVICE_PRIVATE_KEY: SELF.publicKey },
      'SERVICE_PRIVATE_KEY: must be an Ed25519 private key',
    ],
    ['caller keys without names', { SERVICE_PUBLIC_KEYS: GATEWAY.publicKey }, 'SERVICE_PUBLIC_KEYS: must be name=key'],
    [
      'development routes switched on by mistake',
      { INTERNAL_DEVELOPMENT_ROUTES: 'yes' },
      'INTERNAL_DEVELOPMENT_ROUTES: must be "on" or "off"',
    ],
    ['a port out of range', { PORT: '70000' }, 'PORT: '],
    ['a port that is not a number', { PORT: 'http' }, 'PORT: '],
  ])('refuses %s with the reason', (_label, override, line) => {
    expect(failure({ ...VALID, ...override })).toContain(`\n  ${line}`);
  });

  it('names every wrong variable at once, one per line', () => {
    const message = failure({ ...VALID, DATABASE_URL: 'nope', SERVICE_PRIVATE_KEY: 'short', PORT: '-1' });
    const named = message
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(':')[0]);
    expect(named.sort()).toEqual(['DATABASE_URL', 'PORT', 'SERVICE_PRIVATE_KEY']);
  });

  it('never echoes a key it refuses', () => {
    const truncated = SELF.privateKey.slice(0, 40);
    expect(failure({ ...VALID, SERVICE_PRIVATE_KEY: truncated })).not.toContain(truncated);
    const badCaller = `gateway=${truncated}`;
    expect(failure({ ...VALID, SERVICE_PUBLIC_KEYS: badCaller })).not.toContain(truncated);
  });

  it('keeps development routes off unless the environment says on', () => {
    expect(platformTrustOf(parse(VALID)).developmentRoutes).toBe(false);
    expect(platformTrustOf(parse({ ...VALID, INTERNAL_DEVELOPMENT_ROUTES: 'on' })).developmentRoutes).toBe(true);
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
      trust: platformTrustOf(parse(VALID)),
    });
    expect(described).toEqual({
      port: 4100,
      host: '127.0.0.1',
      databaseUrl: 'postgres://msp:***@127.0.0.1:5432/msp_sample',
      kafkaBrokers: ['127.0.0.1:9092'],
      keys: '***',
      developmentRoutes: false,
    });
    expect(JSON.stringify(described)).not.toContain('hunter2');
    expect(JSON.stringify(described)).not.toContain(SELF.privateKey);
  });
});

import { DEV_AUDIENCE, DEV_ISSUER, generateSigningKeyPair } from '@msp/auth';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { GatewayConfig } from '../src/config/gateway.config';
import { InvalidConfigError } from '../src/config/invalid-config.error';

const USER_CONTEXT = generateSigningKeyPair();
const USER_CONTEXT_PRIVATE_KEY = USER_CONTEXT.privateKey;
const SERVICE_PRIVATE_KEY = generateSigningKeyPair().privateKey;
const FEDERATED = {
  GATEWAY_SUBGRAPHS: 'directory=http://127.0.0.1:4101/graphql',
  AUTH_JWKS_URI: 'http://127.0.0.1:4400/jwks.json',
  USER_CONTEXT_PRIVATE_KEY,
  SERVICE_PRIVATE_KEY,
  DIRECTORY_INTERNAL_URL: 'http://127.0.0.1:4101',
};

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    GatewayConfig.fromEnv(env);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidConfigError);
    return (error as InvalidConfigError).problems;
  }
  throw new Error('expected the configuration to be refused');
};

describe('GatewayConfig', () => {
  it('has defaults for everything when it serves its own schema', () => {
    expect(GatewayConfig.fromEnv({}).toJSON()).toEqual({
      port: 4000,
      host: '127.0.0.1',
      subgraphs: [],
      supergraphFile: undefined,
      corsOrigins: [],
      logLevel: 'info',
      limits: { maxDepth: 10, maxCost: 5000 },
      degradation: { subgraphTimeoutMs: 5000, memberContextTtlMs: 30_000, memberContextMaxStaleMs: 900_000 },
      kafkaBrokers: [],
      publicUpstreams: { SCHEDULING_PUBLIC_URL: undefined, CALL_ROUTING_PUBLIC_URL: undefined },
      auth: undefined,
    });
    expect(GatewayConfig.fromEnv({}).federated).toBe(false);
  });

  it("reads each public listener's URL on its own, refuses a URL that is not http, and masks credentials", () => {
    expect(GatewayConfig.fromEnv({ CALL_ROUTING_PUBLIC_URL: 'http://127.0.0.1:4131' }).publicUpstreams).toEqual({
      SCHEDULING_PUBLIC_URL: undefined,
      CALL_ROUTING_PUBLIC_URL: 'http://127.0.0.1:4131',
    });
    const both = GatewayConfig.fromEnv({
      SCHEDULING_PUBLIC_URL: 'http://127.0.0.1:4112',
      CALL_ROUTING_PUBLIC_URL: 'https://edge:t0ken@call-routing.internal',
    });
    expect(both.publicUpstreams.SCHEDULING_PUBLIC_URL).toBe('http://127.0.0.1:4112');
    expect(JSON.stringify(both)).not.toContain('t0ken');
    expect(problemsOf({ CALL_ROUTING_PUBLIC_URL: 'call-routing:4131' })).toEqual([
      'CALL_ROUTING_PUBLIC_URL: must be an http:// or https:// URL',
    ]);
  });

  it('reads subgraphs and CORS origins from comma lists, treating empty variables as unset', () => {
    const config = GatewayConfig.fromEnv({
      ...FEDERATED,
      PORT: '4555',
      HOST: '',
      GATEWAY_SUBGRAPHS: 'directory=http://127.0.0.1:4101/graphql, scheduling=http://127.0.0.1:4102/graphql',
      CORS_ORIGINS: 'http://localhost:5173,https://console.example',
      LOG_LEVEL: 'debug',
    });
    expect(config.port).toBe(4555);
    expect(config.host).toBe('127.0.0.1');
    expect(config.subgraphs).toEqual([
      { name: 'directory', url: 'http://127.0.0.1:4101/graphql' },
      { name: 'scheduling', url: 'http://127.0.0.1:4102/graphql' },
    ]);
    expect(config.corsOrigins).toEqual(['http://localhost:5173', 'https://console.example']);
    expect(config.logLevel).toBe('debug');
  });

  it('reads the front door’s authentication settings, trusting the development issuer by default', () => {
    const config = GatewayConfig.fromEnv(FEDERATED);
    expect(config.federated).toBe(true);
    expect(config.auth).toMatchObject({
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      jwksUri: 'http://127.0.0.1:4400/jwks.json',
      directoryInternalUrl: 'http://127.0.0.1:4101',
    });
    expect(config.auth?.userContextPrivateKey.reveal()).toBe(USER_CONTEXT_PRIVATE_KEY);
    expect(config.auth?.servicePrivateKey.reveal()).toBe(SERVICE_PRIVATE_KEY);
    const keycloak = GatewayConfig.fromEnv({
      ...FEDERATED,
      AUTH_ISSUER: 'https://kc/realms/msp',
      AUTH_AUDIENCE: 'console',
    });
    expect(keycloak.auth).toMatchObject({ issuer: 'https://kc/realms/msp', audience: 'console' });
  });

  it('reads query limits', () => {
    expect(GatewayConfig.fromEnv({ GRAPHQL_MAX_DEPTH: '7', GRAPHQL_MAX_COST: '900' }).limits).toEqual({
      maxDepth: 7,
      maxCost: 900,
    });
    expect(problemsOf({ GRAPHQL_MAX_DEPTH: '0', GRAPHQL_MAX_COST: 'lots' })).toEqual([
      'GRAPHQL_MAX_DEPTH: must be a whole number between 1 and 100',
      'GRAPHQL_MAX_COST: must be a whole number between 1 and 1000000',
    ]);
  });

  it('reads the subgraph timeout, the member context lifetimes and the brokers of the member events', () => {
    const config = GatewayConfig.fromEnv({
      GATEWAY_SUBGRAPH_TIMEOUT_MS: '2500',
      GATEWAY_MEMBER_CONTEXT_TTL_MS: '10000',
      GATEWAY_MEMBER_CONTEXT_MAX_STALE_MS: '0',
      KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093',
    });
    expect(config.degradation).toEqual({
      subgraphTimeoutMs: 2500,
      memberContextTtlMs: 10_000,
      memberContextMaxStaleMs: 0,
    });
    expect(config.kafkaBrokers).toEqual(['127.0.0.1:9092', '127.0.0.1:9093']);
    expect(problemsOf({ GATEWAY_SUBGRAPH_TIMEOUT_MS: '0', GATEWAY_MEMBER_CONTEXT_MAX_STALE_MS: '15min' })).toEqual([
      'GATEWAY_SUBGRAPH_TIMEOUT_MS: must be a number of milliseconds between 100 and 600000',
      'GATEWAY_MEMBER_CONTEXT_MAX_STALE_MS: must be a number of milliseconds between 0 and 86400000',
    ]);
  });

  it('requires the authentication settings as soon as there are subgraphs or a supergraph file', () => {
    const required = [
      'AUTH_JWKS_URI: is required when GATEWAY_SUBGRAPHS or GATEWAY_SUPERGRAPH_FILE is set',
      'USER_CONTEXT_PRIVATE_KEY: is required when GATEWAY_SUBGRAPHS or GATEWAY_SUPERGRAPH_FILE is set',
      'SERVICE_PRIVATE_KEY: is required when GATEWAY_SUBGRAPHS or GATEWAY_SUPERGRAPH_FILE is set',
      'DIRECTORY_INTERNAL_URL: is required when GATEWAY_SUBGRAPHS or GATEWAY_SUPERGRAPH_FILE is set',
    ];
    expect(problemsOf({ GATEWAY_SUBGRAPHS: 'a=http://h/graphql' })).toEqual(required);
    expect(problemsOf({ GATEWAY_SUPERGRAPH_FILE: 'dist/supergraph.graphql' })).toEqual(required);
    const config = GatewayConfig.fromEnv({ ...FEDERATED, GATEWAY_SUBGRAPHS: '', GATEWAY_SUPERGRAPH_FILE: 'x.graphql' });
    expect(config.federated).toBe(true);
    expect(config.supergraphFile).toBe('x.graphql');
  });

  it('refuses keys that are not Ed25519 private keys and URLs that are not http, without echoing the key', () => {
    const problems = problemsOf({
      ...FEDERATED,
      USER_CONTEXT_PRIVATE_KEY: 'a-shared-secret-of-the-old-kind-0123456789',
      SERVICE_PRIVATE_KEY: USER_CONTEXT.publicKey,
      AUTH_JWKS_URI: 'file:///etc/jwks.json',
    });
    expect(problems).toEqual([
      'AUTH_JWKS_URI: must be an http:// or https:// URL',
      'USER_CONTEXT_PRIVATE_KEY: must be an Ed25519 private key (base64url PKCS#8 DER or PEM)',
      'SERVICE_PRIVATE_KEY: must be an Ed25519 private key (base64url PKCS#8 DER or PEM)',
    ]);
    expect(problems.join()).not.toContain('a-shared-secret');
  });

  it('reads the user-context private key from a file (PEM) instead of the variable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gw-key-'));
    try {
      const file = join(dir, 'user-context.pem');
      const pem = `-----BEGIN PRIVATE KEY-----\n${Buffer.from(USER_CONTEXT_PRIVATE_KEY, 'base64url').toString('base64')}\n-----END PRIVATE KEY-----\n`;
      writeFileSync(file, pem, { mode: 0o600 });
      const config = GatewayConfig.fromEnv({
        ...FEDERATED,
        USER_CONTEXT_PRIVATE_KEY: undefined,
        USER_CONTEXT_PRIVATE_KEY_FILE: file,
      });
      expect(config.auth?.userContextPrivateKey.reveal()).toBe(pem.trim());
      expect(problemsOf({ ...FEDERATED, USER_CONTEXT_PRIVATE_KEY_FILE: file })).toEqual([
        'USER_CONTEXT_PRIVATE_KEY: set either USER_CONTEXT_PRIVATE_KEY or USER_CONTEXT_PRIVATE_KEY_FILE, not both',
      ]);
      expect(
        problemsOf({
          ...FEDERATED,
          USER_CONTEXT_PRIVATE_KEY: undefined,
          USER_CONTEXT_PRIVATE_KEY_FILE: join(dir, 'none'),
        }),
      ).toEqual(['USER_CONTEXT_PRIVATE_KEY_FILE: cannot be read (ENOENT)']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names every wrong variable at once, in the order they are documented', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      GATEWAY_SUBGRAPHS: 'directory=ftp://x, scheduling',
      LOG_LEVEL: 'loud',
    });
    expect(problems).toEqual([
      'PORT: must be a port number between 0 and 65535',
      'GATEWAY_SUBGRAPHS: entry "directory=ftp://x" must look like name=http://host:port/graphql',
      'GATEWAY_SUBGRAPHS: entry "scheduling" must look like name=http://host:port/graphql',
      'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent',
      'AUTH_JWKS_URI: is required when GATEWAY_SUBGRAPHS or GATEWAY_SUPERGRAPH_FILE is set',
      'USER_CONTEXT_PRIVATE_KEY: is required when GATEWAY_SUBGRAPHS or GATEWAY_SUPERGRAPH_FILE is set',
      'SERVICE_PRIVATE_KEY: is required when GATEWAY_SUBGRAPHS or GATEWAY_SUPERGRAPH_FILE is set',
      'DIRECTORY_INTERNAL_URL: is required when GATEWAY_SUBGRAPHS or GATEWAY_SUPERGRAPH_FILE is set',
    ]);
  });

  it('reads external issuers (Keycloak, Pro Santé Connect) per issuer, and then needs no member-id issuer', () => {
    const keycloak = {
      issuer: 'https://kc.example.fr/realms/msp',
      audience: 'msp-platform',
      jwksUri: 'https://kc.example.fr/realms/msp/protocol/openid-connect/certs',
      rppsClaim: 'rpps',
    };
    const psc = {
      issuer: 'https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet',
      audience: 'msp-psc',
      jwksUri: 'https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet/protocol/openid-connect/certs',
      rppsClaim: 'SubjectNameID',
      matchVerifiedEmail: false,
      jwksCooldownMs: 5000,
    };
    const both = GatewayConfig.fromEnv({ ...FEDERATED, AUTH_EXTERNAL_ISSUERS: JSON.stringify([keycloak, psc]) });
    expect(both.auth?.jwksUri).toBe('http://127.0.0.1:4400/jwks.json');
    expect(both.auth?.externalIssuers).toEqual([{ ...keycloak, matchVerifiedEmail: true }, psc]);
    const { AUTH_JWKS_URI: _none, ...withoutDevIssuer } = FEDERATED;
    const only = GatewayConfig.fromEnv({ ...withoutDevIssuer, AUTH_EXTERNAL_ISSUERS: JSON.stringify([keycloak]) });
    expect(only.auth).toMatchObject({ jwksUri: undefined, externalIssuers: [{ issuer: keycloak.issuer }] });
  });

  it('refuses external issuers that are not a JSON list of complete issuers, or list one twice', () => {
    const keycloak = { issuer: 'https://kc/realms/msp', audience: 'msp-platform', jwksUri: 'https://kc/certs' };
    expect(problemsOf({ ...FEDERATED, AUTH_EXTERNAL_ISSUERS: 'https://kc/realms/msp' })).toEqual([
      'AUTH_EXTERNAL_ISSUERS: must be a JSON array of issuers',
    ]);
    expect(
      problemsOf({ ...FEDERATED, AUTH_EXTERNAL_ISSUERS: JSON.stringify([{ ...keycloak, jwksUri: 'file:///k' }]) }),
    ).toEqual(['AUTH_EXTERNAL_ISSUERS: entry 0: jwksUri must be an http:// or https:// URL']);
    expect(problemsOf({ ...FEDERATED, AUTH_EXTERNAL_ISSUERS: JSON.stringify([keycloak, keycloak]) })).toEqual([
      'AUTH_EXTERNAL_ISSUERS: issuer https://kc/realms/msp is listed twice',
    ]);
    expect(
      problemsOf({ ...FEDERATED, AUTH_ISSUER: keycloak.issuer, AUTH_EXTERNAL_ISSUERS: JSON.stringify([keycloak]) }),
    ).toEqual(['AUTH_EXTERNAL_ISSUERS: issuer https://kc/realms/msp is also AUTH_ISSUER']);
  });

  it('refuses a subgraph listed twice', () => {
    expect(problemsOf({ ...FEDERATED, GATEWAY_SUBGRAPHS: 'a=http://h/graphql,a=http://i/graphql' })).toEqual([
      'GATEWAY_SUBGRAPHS: subgraph "a" is listed twice',
    ]);
  });

  it('masks secrets and credentials when shown, in errors and in logs', () => {
    const config = GatewayConfig.fromEnv({
      ...FEDERATED,
      GATEWAY_SUBGRAPHS: 'a=http://svc:s3cret@h:1/graphql',
      DIRECTORY_INTERNAL_URL: 'http://svc:d1rect@directory:4101',
    });
    const shown = [JSON.stringify(config), inspect(config, { depth: 5 }), `${config.auth?.userContextPrivateKey}`].join(
      '\n',
    );
    for (const secret of ['s3cret', 'd1rect', USER_CONTEXT_PRIVATE_KEY, SERVICE_PRIVATE_KEY]) {
      expect(shown).not.toContain(secret);
    }
    expect(JSON.stringify(config)).toContain('http://***@h:1/graphql');
    expect(config.toJSON().auth).toMatchObject({ userContextPrivateKey: '[masked]', servicePrivateKey: '[masked]' });
    expect(problemsOf({ ...FEDERATED, GATEWAY_SUBGRAPHS: 'a=ftp://svc:s3cret@h' })).toEqual([
      'GATEWAY_SUBGRAPHS: entry "a=ftp://***@h" must look like name=http://host:port/graphql',
    ]);
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_ISSUER } from '@msp/auth';
import { workspaceRoot } from '@msp/infra';
import { testKafkaBrokers, testPostgresAdminUrl } from '@msp/testing';
import { LocalStack } from '../../src/local-stack';
import { ServiceDefinition } from '../../src/services';
import { formatSummary } from '../../src/summary';

const FAKE = join(__dirname, '..', 'fixtures', 'fake-service.js');

/** `npm start -- --keycloak` with a stand-in gateway: a real Keycloak with the committed realm, wired beside the dev issuer. */
describe('the launcher with --keycloak', () => {
  let dataDir: string;
  let stack: LocalStack | undefined;
  const services: ServiceDefinition[] = [
    { name: 'fake-gateway', entry: FAKE, role: 'gateway', database: false, order: 100 },
  ];

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'local-stack-keycloak-'));
  });
  afterAll(async () => {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts Keycloak with the demo realm, lets the gateway trust it beside the development issuer, and prints its test users', async () => {
    stack = new LocalStack({
      dataDir,
      workspaceRoot: workspaceRoot(),
      services,
      keycloak: true,
      readyTimeoutMs: 60_000,
      env: {
        ...process.env,
        DATABASE_URL: testPostgresAdminUrl(),
        KAFKA_BROKERS: testKafkaBrokers().join(','),
        FAKE_RECORD_DIR: dataDir,
        PORT: '',
        AUTH_JWKS_URI: '',
      },
    });
    const summary = await stack.start();
    const keycloak = summary.keycloak!;
    const gateway = JSON.parse(readFileSync(join(dataDir, 'fake-gateway.json'), 'utf8')).env;

    expect(gateway.AUTH_ISSUER).toBe(DEV_ISSUER);
    expect(JSON.parse(gateway.AUTH_EXTERNAL_ISSUERS)).toEqual([
      {
        issuer: keycloak.issuer,
        audience: 'msp-platform',
        jwksUri: `${keycloak.issuer}/protocol/openid-connect/certs`,
        rppsClaim: 'rpps',
      },
    ]);
    const grant = await fetch(`${keycloak.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: 'msp-web',
        username: keycloak.users[0].username,
        password: keycloak.users[0].password,
      }),
    });
    const { access_token } = (await grant.json()) as { access_token: string };
    const claims = JSON.parse(Buffer.from(access_token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ iss: keycloak.issuer, aud: 'msp-platform', rpps: '10272349340' });
    expect(formatSummary(summary)).toContain(`${keycloak.users[0].username} / msp-demo`);

    await stack.stop();
    await expect(fetch(keycloak.issuer)).rejects.toThrow();
  });
});

import { DevIssuer, type RunningDevIssuer } from '@msp/auth';
import { dataDir, freePort, startLocalKeycloak, type LocalKeycloak, workspaceRoot } from '@msp/infra';
import { SubgraphProcess, testKeys } from '@msp/testing';
import { INestApplication } from '@nestjs/common';
import { decodeProtectedHeader } from 'jose';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { GatewayConfig } from '../../src/config/gateway.config';
import { startGateway } from '../../src/gateway.bootstrap';
import { LogCapture } from '../fixtures/log-capture';

/**
 * The Keycloak suite (`npm run test:keycloak`): a real Keycloak, run from its Maven Central distribution with the
 * committed realm (deploy/keycloak/realm-msp.json), beside the development issuer in one gateway, in front of the real
 * directory holding the demo MSP — whose practitioner Yann Le Gall carries the RPPS the realm gives `yann.legall`.
 */
const REALM = 'msp';
const PASSWORD = 'msp-demo';
const ME = '{ me { id email rpps } }';

describe('sign-in with a real Keycloak beside the development issuer', () => {
  let keycloak: LocalKeycloak;
  let directory: SubgraphProcess;
  let devIssuer: DevIssuer;
  let devJwks: RunningDevIssuer;
  let gateway: INestApplication;
  let gatewayUrl: string;
  const dirs: string[] = [];

  const passwordGrant = async (username: string): Promise<string> => {
    const response = await fetch(`${keycloak.issuerOf(REALM)}/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: 'msp-web', username, password: PASSWORD }),
    });
    const body = (await response.json()) as { access_token?: string; error_description?: string };
    if (!body.access_token) throw new Error(`Keycloak refused ${username}: ${JSON.stringify(body)}`);
    return body.access_token;
  };

  const ask = (token: string, query = ME, variables?: Record<string, unknown>) =>
    request(gatewayUrl).post('/graphql').set('authorization', `Bearer ${token}`).send({ query, variables });

  const adminApi = async (method: string, path: string, body?: unknown): Promise<Response> => {
    const grant = await fetch(`${keycloak.url}/realms/master/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', ...keycloak.admin }),
    });
    const { access_token } = (await grant.json()) as { access_token: string };
    const response = await fetch(`${keycloak.url}/admin/realms/${REALM}${path}`, {
      method,
      headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response;
  };

  beforeAll(async () => {
    const logs = join(dataDir(), 'logs');
    mkdirSync(logs, { recursive: true });
    const [keycloakPort, directoryPort, gatewayPort] = [await freePort(), await freePort(), await freePort()];
    // Both start at once; each is kept as soon as it runs, so that afterAll stops it even when the other failed.
    const started = await Promise.allSettled([
      startLocalKeycloak({
        realmFile: join(workspaceRoot(), 'deploy/keycloak/realm-msp.json'),
        logFile: join(logs, 'keycloak-test.log'),
        port: keycloakPort,
        // The first start on a machine also builds Keycloak's image: minutes on a loaded CI machine.
        timeoutMs: 600_000,
      }).then((running) => (keycloak = running)),
      SubgraphProcess.start(
        'directory',
        directoryPort,
        'keycloak_directory',
        { DIRECTORY_DEMO_DATA: 'load' },
        600_000,
      ).then((running) => (directory = running)),
    ]);
    const failure = started.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
    dirs.push(mkdtempSync(join(tmpdir(), 'gw-kc-issuer-')));
    devIssuer = await DevIssuer.loadOrCreate(dirs[0]);
    devJwks = await devIssuer.listen();
    const config = GatewayConfig.fromEnv({
      PORT: String(gatewayPort),
      LOG_LEVEL: 'warn',
      GATEWAY_SUBGRAPHS: `directory=${directory.url}/graphql`,
      AUTH_JWKS_URI: devJwks.jwksUri,
      AUTH_EXTERNAL_ISSUERS: JSON.stringify([
        {
          issuer: keycloak.issuerOf(REALM),
          audience: 'msp-platform',
          jwksUri: keycloak.jwksUriOf(REALM),
          rppsClaim: 'rpps',
          // Short, so that the rotation below is followed at the first new token instead of up to 30 s later.
          jwksCooldownMs: 1_000,
        },
      ]),
      USER_CONTEXT_PRIVATE_KEY: testKeys().userContext.privateKey,
      SERVICE_PRIVATE_KEY: testKeys().services.gateway.privateKey,
      DIRECTORY_INTERNAL_URL: directory.url,
    });
    gateway = await startGateway(config, { logDestination: new LogCapture() });
    gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
  }, 900_000);

  afterAll(async () => {
    await gateway?.close();
    await devJwks?.close();
    await Promise.all([keycloak?.stop(), directory?.stop()]);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("signs a Keycloak user in as the member whose RPPS the token's rpps claim carries, and the development issuer still works", async () => {
    const token = await passwordGrant('yann.legall');
    const res = await ask(token).expect(200);
    // Keycloak knows him by another e-mail: only the RPPS can have matched.
    expect(res.body.data.me).toMatchObject({ email: 'dr.le-gall@msp-lices.demo', rpps: '10272349340' });
    const memberId = res.body.data.me.id as string;

    const dev = await ask(await devIssuer.issue({ subject: memberId })).expect(200);
    expect(dev.body.data.me.id).toBe(memberId);
  });

  it('signs a Keycloak user in by an e-mail the realm marked verified', async () => {
    const res = await ask(await passwordGrant('secretariat.lices')).expect(200);
    expect(res.body.data.me.email).toBe('secretariat@msp-lices.demo');
  });

  it.each([
    ['an e-mail of a member that Keycloak did not verify', 'admin.unverified'],
    ['neither RPPS nor e-mail of any member', 'stranger'],
  ])('refuses a Keycloak user with %s, saying the identity is linked to no member', async (_case, username) => {
    const res = await ask(await passwordGrant(username)).expect(401);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('linked to no member'),
        extensions: { code: 'UNAUTHENTICATED', reason: 'UNLINKED_IDENTITY' },
      }),
    ]);
  });

  it('lets an administrator link a Keycloak subject explicitly, and that subject then signs in as the member', async () => {
    const practitioner = await passwordGrant('yann.legall');
    const { body } = await ask(practitioner, '{ structures { name members { id email } } }').expect(200);
    const lices = (body.data.structures as Array<{ name: string; members: Array<{ id: string; email: string }> }>).find(
      (s) => s.name === 'MSP des Lices',
    );
    const adminId = lices!.members.find((m) => m.email === 'admin@msp-lices.demo')!.id;
    const strangerToken = await passwordGrant('stranger');
    const strangerSubject = JSON.parse(Buffer.from(strangerToken.split('.')[1], 'base64url').toString()).sub as string;

    const admin = await devIssuer.issue({ subject: adminId });
    const linked = await ask(
      admin,
      `mutation($input: LinkIdentityInput!) { linkIdentity(input: $input) { memberId rule createdBy } }`,
      { input: { memberId: adminId, issuer: keycloak.issuerOf(REALM), subject: strangerSubject } },
    ).expect(200);
    expect(linked.body).toEqual({
      data: { linkIdentity: { memberId: adminId, rule: 'administrator', createdBy: adminId } },
    });

    const res = await ask(strangerToken).expect(200);
    expect(res.body.data.me).toMatchObject({ id: adminId, email: 'admin@msp-lices.demo' });
  });

  it('follows a key rotation in Keycloak: a token signed with the new key is accepted', async () => {
    const before = decodeProtectedHeader(await passwordGrant('yann.legall')).kid;
    const realm = (await (await adminApi('GET', '')).json()) as { id: string };
    const providers = (await (
      await adminApi('GET', '/components?type=org.keycloak.keys.KeyProvider')
    ).json()) as Array<{ id: string; providerId: string; config: Record<string, string[]> }>;
    await adminApi('POST', '/components', {
      name: 'rsa-rotated',
      providerId: 'rsa-generated',
      providerType: 'org.keycloak.keys.KeyProvider',
      parentId: realm.id,
      config: { priority: ['200'], keySize: ['2048'], active: ['true'], enabled: ['true'], algorithm: ['RS256'] },
    });
    const old = providers.find((p) => p.providerId === 'rsa-generated')!;
    // The old key no longer signs (it stays published a while, as Keycloak's passive keys do, for tokens in flight).
    await adminApi('PUT', `/components/${old.id}`, { ...old, config: { ...old.config, active: ['false'] } });

    const token = await passwordGrant('yann.legall');
    expect(decodeProtectedHeader(token).kid).not.toBe(before);
    // Past the cooldown this test configured (1 s), an unknown kid makes the gateway fetch Keycloak's keys again.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const res = await ask(token).expect(200);
    expect(res.body.data.me.rpps).toBe('10272349340');
  });
});

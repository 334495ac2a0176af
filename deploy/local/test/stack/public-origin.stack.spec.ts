import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DevIssuer } from '@msp/auth';
import { databaseUrl, dropDatabase, workspaceRoot } from '@msp/infra';
import { buildWorkspace, builtStackEnv, expectEventually, testPostgresAdminUrl, uniqueSuffix } from '@msp/testing';
import { LocalStack } from '../../src/local-stack';
import type { PlannedService } from '../../src/service-env';
import { databaseName, SERVICES } from '../../src/services';

const root = workspaceRoot();
const prefix = `t${uniqueSuffix()}`;

/**
 * The platform's one public origin, on the real stack `npm start` runs: the online booking page and a calendar feed
 * answer through the gateway, and scheduling's private port answers neither.
 */
describe('the public surface through the gateway (real stack)', () => {
  let dataDir: string;
  let stack: LocalStack;
  let gatewayUrl: string;
  let scheduling: PlannedService;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'msp-public-origin-spec-'));
    const env = builtStackEnv(prefix, { MSP_DATA_DIR: dataDir });
    delete env.PUBLIC_BASE_URL;
    await buildWorkspace(env);
    stack = new LocalStack({ dataDir, workspaceRoot: root, env, services: SERVICES, demoData: true });
    const started = await stack.start();
    gatewayUrl = started.gateway!.url;
    scheduling = started.services.find((s) => s.service.definition.name === 'scheduling')!.service;
  }, 400_000);

  afterAll(async () => {
    await stack?.stop();
    for (const service of SERVICES.filter((s) => s.database))
      await dropDatabase(testPostgresAdminUrl(), databaseName(service, prefix));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function sql(service: string, text: string, values: unknown[] = []): Promise<Array<Record<string, string>>> {
    const client = new Client({
      connectionString: databaseUrl(testPostgresAdminUrl(), databaseName({ name: service }, prefix)),
    });
    await client.connect();
    try {
      return (await client.query(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  it('serves the booking page of a practice and a practitioner’s calendar feed at the gateway’s address', async () => {
    const [msp] = await sql('directory', `select id from structure where name = 'MSP des Lices'`);
    // Demo motifs arrive once the directory's members have reached scheduling.
    await expectEventually(
      async () => {
        const response = await fetch(`${gatewayUrl}/public/${msp.id}/motifs`);
        expect(response.status).toBe(200);
        expect(((await response.json()) as { motifs: unknown[] }).motifs.length).toBeGreaterThan(0);
      },
      90_000,
      500,
    );

    const [gp] = await sql('directory', `select id from member where email = 'dr.le-gall@msp-lices.demo'`);
    const issuer = await DevIssuer.loadOrCreate(join(dataDir, 'dev-issuer'));
    const created = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await issuer.issue({ subject: gp.id })}`,
      },
      body: JSON.stringify({ query: 'mutation { createIcalFeed { url } }' }),
    });
    const { data } = (await created.json()) as { data: { createIcalFeed: { url: string } } };
    const feedUrl = data.createIcalFeed.url;
    expect(feedUrl.startsWith(`${gatewayUrl}/ical/`)).toBe(true);
    const feed = await fetch(feedUrl);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');

    // Scheduling's private port (GraphQL, internal API, metrics) serves neither.
    const feedPath = new URL(feedUrl).pathname;
    expect((await fetch(`${scheduling.url}${feedPath}`)).status).toBe(404);
    expect((await fetch(`${scheduling.url}/public/${msp.id}/motifs`)).status).toBe(404);
    expect((await fetch(`${scheduling.publicUrl}${feedPath}`)).status).toBe(200);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { dropDatabase, workspaceRoot } from '@msp/infra';
import { buildWorkspace, builtStackEnv, testPostgresAdminUrl, uniqueSuffix } from '@msp/testing';
import { LocalStack, type StackSummary } from '../../src/local-stack';
import { databaseName, SERVICES } from '../../src/services';
import { chromiumOnPath, seriousAccessibilityViolations, VIEWPORTS } from '../console/console-harness';

/**
 * `npm start -- --keycloak`, seen from the web console: the whole stack with the demo members and a real Keycloak; the
 * console signs in there (authorization code with PKCE at the realm's `msp-console` client, which the launcher gave the
 * gateway's origins), the gateway recognises Dr Le Gall by the RPPS in Keycloak's token, and signing out ends the
 * Keycloak session too.
 */
describe('the web console signing in through Keycloak', () => {
  const prefix = `t${uniqueSuffix()}`;
  let dataDir: string;
  let stack: LocalStack;
  let summary: StackSummary;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'msp-console-keycloak-'));
    const env = builtStackEnv(prefix, { MSP_DATA_DIR: dataDir });
    await buildWorkspace(env);
    stack = new LocalStack({
      dataDir,
      workspaceRoot: workspaceRoot(),
      env,
      // The directory's demo members only (Dr Le Gall and his RPPS, the realm's users): the other services' demo
      // months, played in the background, slowed Keycloak's start and the browser for nothing signing in shows.
      services: SERVICES.map((s) => (s.name === 'directory' ? s : { ...s, demoData: undefined })),
      demoData: true,
      keycloak: true,
    });
    summary = await stack.start();
    browser = await chromium.launch({
      executablePath: chromiumOnPath(),
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
    page = await (await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'fr-FR' })).newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    for (const service of SERVICES.filter((s) => s.database))
      await dropDatabase(testPostgresAdminUrl(), databaseName(service, prefix));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const signInAtKeycloak = async () => {
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${summary.keycloak!.issuer}/`));
    await page.locator('#username').fill('yann.legall');
    await page.locator('#password').fill('msp-demo');
    await page.locator('#kc-login').click();
  };

  it('signs Dr Le Gall in at Keycloak, back on the route he asked for, as the member his RPPS names', async () => {
    const gatewayUrl = summary.gateway!.url;
    await page.goto(`${gatewayUrl}/agenda`);
    await page.getByRole('heading', { name: 'Connexion à la console' }).waitFor();
    await signInAtKeycloak();
    expect(summary.keycloak).toBeDefined();
    await page.waitForURL(`${gatewayUrl}/agenda`);
    await page.getByText('Connecté·e : Yann Le Gall').waitFor();
    await page.getByRole('heading', { name: /^Agenda — / }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('signs out of Keycloak as well: signing in again asks for the password', async () => {
    const gatewayUrl = summary.gateway!.url;
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL((url) => url.href.startsWith(gatewayUrl));
    await page.getByText('Vous êtes déconnecté·e.').waitFor();
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${summary.keycloak!.issuer}/`));
    await page.locator('#password').waitFor();
    expect(pageErrors).toEqual([]);
  });
});

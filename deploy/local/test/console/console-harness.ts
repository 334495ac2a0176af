import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Browser, chromium, type Page } from 'playwright-core';
import { workspaceRoot } from '@msp/infra';
import { stackSql } from '../support/stack-sql';
import { CONSOLE_STACK_FILE, type ConsoleStackState } from './console-stack';

/**
 * What every end-to-end spec of the web console needs: the real stack as `npm start` runs it (the gateway serving the
 * built console, the development issuer's PKCE flow, every service with demo data), Debian's Chromium driven by
 * playwright-core, and the checks each page must pass (no CSP violation, no page error, no serious axe violation).
 * The stack is the console project's, one for all its specs (console-stack.global-setup.ts), so a spec leaves the demo
 * data as another would expect it: it works on records of its own (a patient, a task, a meeting it creates or picks
 * apart from the others). Each spec file has its own browser.
 */
const root = workspaceRoot();
/**
 * The stack starts beside the other projects' specs, and is up once its demo month is played: a spec that comes first
 * waits for it (its `beforeAll` allows `CONSOLE_STACK_WAIT_MS`).
 */
export const CONSOLE_STACK_WAIT_MS = 1_200_000;

/**
 * Where the screenshots go: `.data/screenshots` by default, so that a test run leaves the working tree as it was;
 * `MSP_SCREENSHOTS_DIR=docs/screenshots` refreshes the ones the README shows.
 */
const SCREENSHOTS = resolve(root, process.env.MSP_SCREENSHOTS_DIR ?? join('.data', 'screenshots'));

/** The sites of the demo practices are in Paris; the browser runs elsewhere so that a time shown in its zone shows. */
export const SITE_ZONE = 'Europe/Paris';
export const BROWSER_ZONE = 'America/Montreal';

/** A desktop screen, a front desk's tablet (iPad Air, portrait) and a patient's phone (Pixel 7). */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  tablet: { width: 820, height: 1180 },
  phone: { width: 412, height: 915 },
} as const;

/** Debian's Chromium (`apt-get install chromium`), found on the PATH as CI installs it. */
export function chromiumOnPath(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      'The console end-to-end specs drive Debian\'s Chromium, and no `chromium` is on the PATH: install it with "apt-get install -y chromium" (.ci/run does so in CI).',
    );
  }
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** A patient of the demo directory, as the specs book them. */
export interface DemoPatient {
  id: string;
  first_name: string;
  last_name: string;
}

/** How the agenda and the patient search show a patient: « NOM Prénom ». */
export const patientLabel = (patient: DemoPatient) => `${patient.last_name.toUpperCase()} ${patient.first_name}`;

export interface ConsoleHarness {
  gatewayUrl: string;
  browser: Browser;
  /** The desktop page the spec drives; `newPage` opens others (a phone, a second member), each in its own context. */
  page: Page;
  newPage(options?: { viewport?: { width: number; height: number }; isMobile?: boolean }): Promise<Page>;
  /** A statement on one service's database (`directory`, `scheduling`, `call-routing`…) of this stack. */
  sql<T>(service: string, text: string, values?: unknown[]): Promise<T[]>;
  /**
   * `count` patients of the demo practice, after the first `skip`, sorted by name, that have nothing in the agenda from
   * 8 days ago on (the demo month fills the days before now) and a label no other patient's contains: each agenda
   * event and search answer found by that label is theirs alone. Specs running side by side take different `skip`s.
   */
  freeDemoPatients(structureName: string, count: number, skip?: number): Promise<DemoPatient[]>;
  screenshot(page: Page, name: string, options?: { fullPage?: boolean }): Promise<void>;
  /** Signs in through the development issuer as the demo member of that e-mail, starting from `route`. */
  signIn(page: Page, email: string, route?: string): Promise<void>;
  /** Signs out, back to the sign-in page. */
  signOut(page: Page): Promise<void>;
  /** Content-security-policy violations and uncaught errors of every page opened so far (expected: none). */
  securityPolicyViolations: string[];
  pageErrors: string[];
  /** Closes this spec's browser (the stack stays for the other specs). */
  stop(): Promise<void>;
}

/** The console project's stack, once its global setup has it up. */
async function consoleStack(): Promise<{ gatewayUrl: string; prefix: string }> {
  const file = process.env[CONSOLE_STACK_FILE];
  if (!file)
    throw new Error(
      'The console specs run in their own Jest run, whose global setup starts their stack: npm run test:console',
    );
  // Before the `beforeAll` gives up, so that the reason is this one.
  const deadline = Date.now() + CONSOLE_STACK_WAIT_MS - 30_000;
  for (;;) {
    const state = JSON.parse(readFileSync(file, 'utf8')) as ConsoleStackState;
    if (state.status === 'up') return state;
    if (state.status === 'failed')
      throw new Error(`The console stack did not start (logs in ${state.dataDir}/logs): ${state.error}`);
    if (Date.now() > deadline) throw new Error(`The console stack is still starting after ${CONSOLE_STACK_WAIT_MS} ms`);
    await sleep(1_000);
  }
}

/** Waits for the stack, then opens a browser of this spec's own; `stop` in `afterAll` closes it. */
export async function startConsoleHarness(): Promise<ConsoleHarness> {
  const executablePath = chromiumOnPath();
  const { gatewayUrl, prefix } = await consoleStack();
  const securityPolicyViolations: string[] = [];
  const pageErrors: string[] = [];
  mkdirSync(SCREENSHOTS, { recursive: true });
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const newPage: ConsoleHarness['newPage'] = async (options = {}) => {
    const context = await browser.newContext({
      viewport: options.viewport ?? VIEWPORTS.desktop,
      isMobile: options.isMobile,
      hasTouch: options.isMobile,
      locale: 'fr-FR',
      timezoneId: BROWSER_ZONE,
    });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) securityPolicyViolations.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  };
  return {
    gatewayUrl,
    browser,
    page: await newPage(),
    newPage,
    sql: (service, text, values) => stackSql(prefix, service, text, values),
    async freeDemoPatients(structureName, count, skip = 0) {
      const everyone = await stackSql<DemoPatient>(
        prefix,
        'directory',
        `select p.id, p.first_name, p.last_name from patient p join structure s on s.id = p.structure_id
          where s.name = $1 order by p.last_name, p.first_name`,
        [structureName],
      );
      const busy = new Set(
        (
          await stackSql<{ patient_id: string }>(
            prefix,
            'scheduling',
            `select distinct patient_id from appointment where patient_id is not null and ends_at > now() - interval '8 days'`,
          )
        ).map((row) => row.patient_id),
      );
      const labels = everyone.map(patientLabel);
      const free = everyone
        .filter((patient) => !busy.has(patient.id))
        .filter((patient) => labels.filter((other) => other.includes(patientLabel(patient))).length === 1)
        .slice(skip, skip + count);
      if (free.length < count)
        throw new Error(`${structureName}: ${free.length} free demo patients after ${skip}, ${count} needed`);
      return free;
    },
    screenshot: (page, name, options = {}) =>
      page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: options.fullPage }).then(() => undefined),
    async signIn(page, email, route = '/agenda') {
      await page.goto(`${gatewayUrl}${route}`);
      await page.getByRole('heading', { name: 'Connexion à la console' }).waitFor();
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL(/\/authorize\?/);
      await page.getByRole('button', { name: new RegExp(email.replace(/[.]/g, '\\.')) }).click();
      await page.waitForURL(`${gatewayUrl}${route}`);
      await page.getByText(/^Connecté·e : /).waitFor();
    },
    async signOut(page) {
      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.getByText('Vous êtes déconnecté·e.').waitFor();
    },
    securityPolicyViolations,
    pageErrors,
    stop: () => browser.close(),
  };
}

/**
 * Polls an expression in the page. Not `waitForFunction`, which evaluates its string with `eval` inside the page: the
 * console's CSP (rightly) forbids that; `evaluate` goes through the DevTools protocol instead.
 */
export async function untilTrue(page: Page, expression: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate<boolean>(expression))) {
    if (Date.now() > deadline) throw new Error(`still false after ${timeoutMs} ms: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * axe-core in the page (evaluated through the DevTools protocol, so the console's CSP, which forbids inline scripts,
 * stays on): the serious and critical violations of WCAG 2.1 A and AA.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(options: object): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations as AxeViolation[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import {
  CONSOLE_STACK_WAIT_MS,
  type ConsoleHarness,
  seriousAccessibilityViolations,
  SITE_ZONE,
  startConsoleHarness,
  untilTrue,
  VIEWPORTS,
} from './console-harness';

/**
 * Signing in, the agenda and a booking, end to end (see console-harness.ts). The browser runs in Montréal's zone while
 * the site is in Paris: times shown must be the site's.
 */
describe('the web console in Chromium against the real stack', () => {
  let harness: ConsoleHarness;
  let gatewayUrl: string;
  let page: Page;
  /** The patient booked in the first test, searched for again in the second. */
  let patientLastName = '';

  beforeAll(async () => {
    harness = await startConsoleHarness();
    ({ gatewayUrl, page } = harness);
  }, CONSOLE_STACK_WAIT_MS);

  afterAll(() => harness?.stop());

  const sql = <T>(service: string, text: string, values: unknown[] = []) => harness.sql<T>(service, text, values);
  it('a secretary signs in through the PKCE flow, books an appointment for a patient and sees it in the week view', async () => {
    await page.goto(`${gatewayUrl}/agenda`);
    await page.getByRole('heading', { name: 'Connexion à la console' }).waitFor();

    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/authorize\?/);
    await page.getByText('Émetteur de développement.').waitFor();
    await harness.screenshot(page, 'connexion');
    expect(new URL(page.url()).searchParams.get('code_challenge_method')).toBe('S256');
    await page.getByRole('button', { name: /secretariat@msp-lices\.demo/ }).click();

    // Back on the route the sign-in started from, as Nathalie Lebreton of the MSP des Lices.
    await page.waitForURL(`${gatewayUrl}/agenda`);
    await page.getByText('Connecté·e : Nathalie Lebreton').waitFor();
    const sitePicker = page.getByRole('combobox', { name: 'Site' });
    await sitePicker.click();
    await page.getByRole('option', { name: 'Montfort-sur-Meu' }).click();
    await page.getByRole('heading', { name: 'Agenda — Montfort-sur-Meu' }).waitFor();
    await page.locator('.fc-timegrid').waitFor();
    await page.getByText("Chargement de l'agenda…").waitFor({ state: 'detached' });

    // The patient: one of the practice's 500 demo patients, found by name as a secretary would.
    const [patient] = await sql<{ id: string; first_name: string; last_name: string; structure_id: string }>(
      'directory',
      `select p.id, p.first_name, p.last_name, p.structure_id from patient p join structure s on s.id = p.structure_id
        where s.name = 'MSP des Lices' order by p.last_name, p.first_name limit 1`,
    );
    const patientLabel = `${patient.last_name.toUpperCase()} ${patient.first_name}`;
    patientLastName = patient.last_name;

    await page.getByRole('button', { name: 'Nouveau rendez-vous' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouveau rendez-vous' });
    await dialog.getByRole('combobox', { name: 'Praticien·ne' }).click();
    await page.getByRole('option', { name: 'Hélène Guillou' }).click();
    await dialog.getByRole('combobox', { name: 'Motif' }).click();
    await page.getByRole('option').first().click();
    const firstSlot = dialog
      .getByRole('radiogroup', { name: /Créneaux libres/ })
      .getByRole('radio')
      .first();
    await firstSlot.waitFor();
    await firstSlot.check();
    const slotStartsAt = new Date((await firstSlot.getAttribute('value')) ?? 'no slot value');
    await dialog.getByRole('textbox', { name: /Rechercher un patient/ }).fill(patient.last_name);
    await dialog.getByRole('radio', { name: new RegExp(`^${patientLabel}`) }).check();
    await harness.screenshot(page, 'reservation');
    await dialog.getByRole('button', { name: /^Réserver le rendez-vous/ }).click();

    await page.getByText(/Rendez-vous réservé/).waitFor({ timeout: 60_000 });
    await dialog.waitFor({ state: 'detached' });

    // Written by scheduling, for that patient at that time (the demo month gave them appointments of their own).
    const [appointment] = await sql<{ status: string }>(
      'scheduling',
      'select status from appointment where patient_id = $1 and starts_at = $2',
      [patient.id, slotStartsAt],
    );
    expect(appointment).toEqual({ status: 'booked' });
    // In the week view, at the site's time (Paris), not the browser's (Montréal).
    const parisTime = DateTime.fromJSDate(slotStartsAt, { zone: SITE_ZONE }).toFormat('HH:mm');
    const event = page.locator(`.fc-event[title^="${parisTime} - "]`, { hasText: patientLabel });
    await event.waitFor();
    await expect(event.innerText()).resolves.toContain('Hélène Guillou');
    await harness.screenshot(page, 'agenda-apres-reservation', { fullPage: true });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Last week, which the demo month filled (the stack is up once it is played): the week view with its motifs and statuses.
    const lastWeek = page.waitForResponse(
      (response) =>
        response.url().endsWith('/graphql') && /ConsoleAgendaWeek/.test(response.request().postData() ?? ''),
    );
    await page.getByRole('button', { name: 'Précédent' }).click();
    await lastWeek;
    await page.getByText("Chargement de l'agenda…").waitFor({ state: 'detached' });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // One practitioner's week reads better than eleven side by side: the filter.
    await page.getByRole('combobox', { name: 'Praticien·ne affiché·e' }).click();
    await page.getByRole('option', { name: 'Hélène Guillou' }).click();
    await harness.screenshot(page, 'agenda-semaine', { fullPage: true });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // At a front desk's tablet width (iPad Air, portrait): the same week, nothing cut off.
    await page.setViewportSize(VIEWPORTS.tablet);
    // FullCalendar lays itself out again after the resize (debounced): then the whole week fits.
    await untilTrue(page, "document.querySelector('.fc-timegrid-body').getBoundingClientRect().right <= innerWidth");
    await harness.screenshot(page, 'agenda-tablette');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(VIEWPORTS.tablet.width);
    await page.setViewportSize(VIEWPORTS.desktop);
    expect(harness.securityPolicyViolations).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  }, 420_000);

  /** Every GraphQL call answered as the gateway answers an expired token, until `page.unroute`. */
  const refuseTokens = () =>
    page.route(`${gatewayUrl}/graphql`, (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({
          errors: [{ message: 'Token expired', extensions: { code: 'UNAUTHENTICATED', reason: 'EXPIRED_TOKEN' } }],
        }),
      }),
    );

  it('moves between the sections, keeps the route and the form through a new sign-in, and signs out', async () => {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Tâches' }).click();
    await page.getByRole('heading', { level: 1, name: /^Tâches/ }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The gateway refuses the token (as it does an expired one): back to the issuer, then to the same route.
    await refuseTokens();
    await page.goto(`${gatewayUrl}/reunions`);
    await page.waitForURL(/\/authorize\?/);
    await page.unroute(`${gatewayUrl}/graphql`);
    await page.getByRole('button', { name: /secretariat@msp-lices\.demo/ }).click();
    await page.waitForURL(`${gatewayUrl}/reunions`);
    await page.getByRole('heading', { level: 1, name: /^Réunions/ }).waitFor();

    // The keyboard alone reaches the booking dialog, lands inside it, and leaves it with Escape.
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Agenda' }).click();
    await page.getByRole('button', { name: 'Nouveau rendez-vous' }).and(page.locator(':enabled')).waitFor();
    let focused = '';
    for (let presses = 0; presses < 40 && focused !== 'Nouveau rendez-vous'; presses++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate<string>('document.activeElement?.textContent ?? ""');
    }
    expect(focused).toBe('Nouveau rendez-vous');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Nouveau rendez-vous' });
    await dialog.waitFor();
    await expect(page.evaluate<boolean>("!!document.activeElement?.closest('[role=dialog]')")).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // A session that expires while the booking form is being filled: after signing in again, the form is as it was.
    await page.getByRole('button', { name: 'Nouveau rendez-vous' }).click();
    await dialog.getByRole('combobox', { name: 'Praticien·ne' }).click();
    await page.getByRole('option', { name: 'Hélène Guillou' }).click();
    await refuseTokens();
    await dialog.getByRole('textbox', { name: /Rechercher un patient/ }).fill(patientLastName);
    await page.waitForURL(/\/authorize\?/);
    await page.unroute(`${gatewayUrl}/graphql`);
    await page.getByRole('button', { name: /secretariat@msp-lices\.demo/ }).click();
    await page.waitForURL(`${gatewayUrl}/agenda`);
    await dialog.waitFor();
    await untilTrue(
      page,
      `[...document.querySelectorAll('[role=dialog] input')].some((input) => input.value === 'Hélène Guillou')`,
      10_000,
    );
    await expect(dialog.getByRole('textbox', { name: /Rechercher un patient/ }).inputValue()).resolves.toBe(
      patientLastName,
    );
    await dialog
      .getByRole('radio', { name: new RegExp(`^${patientLastName.toUpperCase()} `) })
      .first()
      .waitFor();
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByText('Vous êtes déconnecté·e.').waitFor();
    expect(
      await page.evaluate(() =>
        Object.keys((globalThis as unknown as { sessionStorage: Storage }).sessionStorage).filter((k) =>
          k.startsWith('oidc.user'),
        ),
      ),
    ).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  }, 120_000);
});

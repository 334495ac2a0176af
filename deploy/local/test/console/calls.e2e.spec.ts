import { DateTime } from 'luxon';
import type { Locator, Page } from 'playwright-core';
import { expectEventually } from '@msp/testing';
import {
  type ConsoleHarness,
  seriousAccessibilityViolations,
  SITE_ZONE,
  startConsoleHarness,
  untilTrue,
  VIEWPORTS,
} from './console-harness';

/** Public holidays that can fall on a Tuesday (the movable ones are Mondays and Thursdays). */
const FIXED_HOLIDAYS = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'];

/** A Tuesday ahead that is no public holiday, in the site's zone: the practice is open at 10:00. */
function anOpenTuesday(): string {
  let day = DateTime.now().setZone(SITE_ZONE).startOf('day').plus({ days: 7 });
  while (day.weekday !== 2 || FIXED_HOLIDAYS.includes(day.toFormat('LL-dd'))) day = day.plus({ days: 1 });
  return day.toISODate() as string;
}

/**
 * The Calls page (issue 15), end to end (see console-harness.ts): a general practitioner of the MSP des Lices reads the
 * journal of the calls about them with each decision's trace, writes their own rule through the form and sees the
 * simulator's outcome change, then reads the statistics of the demo month. The browser is in Montréal, the site in
 * Paris: the simulated call's time is the site's.
 */
describe('the Calls page in Chromium against the real stack', () => {
  let harness: ConsoleHarness;
  let page: Page;
  let structureId = '';
  let siteId = '';
  let practitionerId = '';

  beforeAll(async () => {
    harness = await startConsoleHarness();
    ({ page } = harness);
    const [row] = await harness.sql<{ structure_id: string; site_id: string; member_id: string }>(
      'directory',
      `select s.id as structure_id, si.id as site_id, m.id as member_id
         from member m join structure s on s.name = 'MSP des Lices' join site si on si.structure_id = s.id
        where m.email = 'dr.le-gall@msp-lices.demo' and si.name = 'Montfort-sur-Meu'`,
    );
    ({ structure_id: structureId, site_id: siteId, member_id: practitionerId } = row);
  }, 600_000);

  afterAll(() => harness?.stop());

  const sql = <T>(text: string, values: unknown[] = []) => harness.sql<T>('call-routing', text, values);

  /** Dr Le Gall's workplace: the MSP des Lices (he also coordinates in the CPTS), its Montfort-sur-Meu site. */
  async function chooseMontfort() {
    const structurePicker = page.getByRole('combobox', { name: 'Structure' });
    if ((await structurePicker.count()) > 0 && (await structurePicker.inputValue()) !== 'MSP des Lices') {
      await structurePicker.click();
      await page.getByRole('option', { name: 'MSP des Lices' }).click();
    }
    const sitePicker = page.getByRole('combobox', { name: 'Site' });
    if ((await sitePicker.inputValue()) !== 'Montfort-sur-Meu') {
      await sitePicker.click();
      await page.getByRole('option', { name: 'Montfort-sur-Meu' }).click();
    }
    await page.getByRole('heading', { level: 1, name: 'Appels — Montfort-sur-Meu' }).waitFor();
  }

  async function choose(scope: Page | Locator, label: string, option: string) {
    await scope.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  it('a practitioner reads the journal of the calls about them, each with the rule that decided and why', async () => {
    // The demo month (last calendar month) is played by call routing once scheduling's has reached it.
    await expectEventually(async () => {
      const played = await sql('select 1 from demo_month_play where structure_id = $1 and finished_at is not null', [
        structureId,
      ]);
      expect(played).toHaveLength(1);
    }, 420_000);

    await harness.signIn(page, 'dr.le-gall@msp-lices.demo', '/appels');
    await chooseMontfort();
    const journal = page.getByRole('table', { name: 'Appels reçus et décisions de la secrétaire virtuelle' });
    await journal.waitFor({ timeout: 30_000 });
    // Only the calls about him (call routing refuses him the others).
    const [{ n }] = await sql<{ n: number }>(
      `select count(*)::int as n from call where site_id = $1 and practitioner_id = $2 and rule_id is not null`,
      [siteId, practitionerId],
    );
    expect(n).toBeGreaterThan(0);
    const traceButtons = journal.getByRole('button', { name: /^Voir la trace/ });
    expect(await traceButtons.count()).toBeGreaterThan(0);

    await traceButtons.first().click();
    const trace = page.getByRole('region', { name: /^Trace de la décision de l’appel de / });
    await trace.getByText('Règles essayées, dans l’ordre').waitFor();
    await trace.getByText(/^Règle appliquée : /).waitFor();
    await trace.getByText('appliquée', { exact: true }).first().waitFor();
    await harness.screenshot(page, 'appels-journal');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  }, 600_000);

  it('a practitioner edits a rule and the simulator shows the new outcome', async () => {
    await page.getByRole('tab', { name: 'Consignes et simulateur' }).click();
    await page.getByText('Pas encore de consignes personnelles : celles du site s’appliquent.').waitFor();

    // A patient asking for advice while Dr Le Gall is in consultation, a Tuesday at 10:00 (Paris): the site's rules.
    const simulator = page.getByRole('region', { name: 'Simulateur' });
    await choose(simulator, 'Motif', 'Conseil médical');
    await choose(simulator, 'État du praticien', 'En consultation');
    await simulator.getByLabel('Date (heure du site)').fill(anOpenTuesday());
    await simulator.getByLabel('Heure (heure du site)').fill('10:00');
    const simulate = simulator.getByRole('button', { name: 'Simuler l’appel' });
    const outcome = simulator.getByTestId('simulation-outcome');
    await simulate.click();
    await outcome.filter({ hasText: /^Décision : Prise de message$/ }).waitFor();
    await simulator
      .getByText(/^Règle appliquée : Tout autre appel : prise de message \(cabinet, version par défaut\)/)
      .waitFor();

    // His own rulebook, begun with the emergency rule every rulebook needs, and a rule of his through the form.
    await page.getByRole('button', { name: 'Créer les consignes personnelles' }).click();
    await page.getByRole('button', { name: 'Ajouter une règle' }).click();
    const rule = page.getByRole('group', { name: 'Règle 2' });
    await rule.getByRole('textbox', { name: 'Intitulé' }).fill('Conseils pendant mes consultations : secrétariat');
    await rule.getByRole('textbox', { name: 'Identifiant' }).fill('conseils-secretariat');
    await rule.getByLabel('Motif de l’appel').click();
    await page.getByRole('option', { name: 'Conseil médical' }).click();
    await page.keyboard.press('Escape');
    await choose(rule, 'Action', 'Transfert au secrétariat');
    // A window whose end comes before its start: call routing refuses it, and says so beside the field.
    await rule.getByLabel('De (heure du site)', { exact: true }).fill('12:00');
    await rule.getByLabel('À (heure du site)', { exact: true }).fill('10:00');
    await page.getByRole('button', { name: 'Publier les consignes' }).click();
    await page.getByText('La publication a été refusée : corrigez les champs signalés.').waitFor();
    const to = rule.getByLabel('À (heure du site)', { exact: true });
    await expect(to.getAttribute('aria-invalid')).resolves.toBe('true');
    await rule.getByText(/^doit être après le début 12:00/).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await rule.getByLabel('De (heure du site)', { exact: true }).fill('');
    await to.fill('');

    // Reordered with the keyboard: the focus follows the rule moved.
    await page.getByRole('button', { name: 'Monter la règle 2' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('group', { name: 'Règle 1' }).getByRole('textbox', { name: 'Intitulé' }).waitFor();
    await expect(page.evaluate<string>('document.activeElement?.getAttribute("aria-label") ?? ""')).resolves.toBe(
      'Descendre la règle 1',
    );
    await page.keyboard.press('Enter');
    await expect(page.evaluate<string>('document.activeElement?.getAttribute("aria-label") ?? ""')).resolves.toBe(
      'Monter la règle 2',
    );

    await page.getByRole('button', { name: 'Publier les consignes' }).click();
    await page.getByText('Consignes publiées : version 1.').waitFor();
    await simulate.click();
    await outcome.filter({ hasText: /^Décision : Transfert au secrétariat$/ }).waitFor();
    await simulator
      .getByText(/^Règle appliquée : Conseils pendant mes consultations : secrétariat \(praticien, version 1\)/)
      .waitFor();

    // Call routing stored it: his rulebook, version 1, by him.
    const [stored] = await sql<{ version: number; author_id: string; document: { rules: unknown[] } }>(
      `select version, author_id, document from rulebook_version where scope_kind = 'practitioner' and scope_id = $1
        order by version desc limit 1`,
      [practitionerId],
    );
    expect(stored.version).toBe(1);
    expect(stored.author_id).toBe(practitionerId);
    expect(stored.document.rules).toEqual([
      {
        id: 'urgences',
        label: 'Urgences : redirection vers le 15',
        when: { urgent: true },
        then: { type: 'redirect_15' },
      },
      {
        id: 'conseils-secretariat',
        label: 'Conseils pendant mes consultations : secrétariat',
        when: { intents: ['advice'] },
        then: { type: 'transfer_secretary' },
      },
    ]);

    // Edited again: the same rule now gives the practice's information, version 2.
    await page.getByRole('button', { name: 'Modifier la règle 2' }).click();
    await choose(page.getByRole('group', { name: 'Règle 2' }), 'Action', 'Renseignements donnés');
    await page.getByRole('button', { name: 'Publier les consignes' }).click();
    await page.getByText('Consignes publiées : version 2.').waitFor();
    await simulate.click();
    await outcome.filter({ hasText: /^Décision : Renseignements donnés$/ }).waitFor();
    const [latest] = await sql<{ version: number; document: { rules: Array<{ then: { type: string } }> } }>(
      `select version, document from rulebook_version where scope_kind = 'practitioner' and scope_id = $1
        order by version desc limit 1`,
      [practitionerId],
    );
    expect(latest.version).toBe(2);
    expect(latest.document.rules[1].then).toEqual({ type: 'give_information' });
    await harness.screenshot(page, 'appels-regles', { fullPage: true });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  }, 180_000);

  it('shows the statistics of the demo month in charts, with the figures as text', async () => {
    await page.getByRole('tab', { name: 'Statistiques' }).click();
    await choose(page, 'Période', 'Mois précédent');
    await page.getByRole('heading', { name: 'Chiffres clés' }).waitFor({ timeout: 30_000 });
    const first = DateTime.now().setZone(SITE_ZONE).startOf('month').minus({ months: 1 });
    const [{ n }] = await sql<{ n: number }>(
      `select count(*)::int as n from call
        where structure_id = $1 and site_id = $2 and practitioner_id = $3 and started_at >= $4 and started_at < $5`,
      [structureId, siteId, practitionerId, first.toJSDate(), first.plus({ months: 1 }).toJSDate()],
    );
    const calls = page.locator('dt', { hasText: /^Appels$/ }).locator('xpath=following-sibling::dd');
    await expect(calls.innerText()).resolves.toBe(String(n));
    for (const title of [
      'Appels par heure de la journée',
      'Part des appels traités sans intervention humaine',
      'Appels par jour, dont traités sans intervention humaine',
      'Interruptions de consultation évitées',
    ])
      await page.getByRole('figure', { name: title }).locator('svg.recharts-surface').first().waitFor();
    // The figures of each chart, as a table.
    const perHour = page.getByRole('figure', { name: 'Appels par heure de la journée' });
    await perHour.getByText('Voir les chiffres').click();
    await perHour.getByRole('table', { name: 'Appels par heure de la journée' }).getByRole('row').nth(1).waitFor();
    await harness.screenshot(page, 'appels-statistiques', { fullPage: true });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // At a front desk's tablet width, nothing cut off.
    await page.setViewportSize(VIEWPORTS.tablet);
    await untilTrue(page, 'document.documentElement.scrollWidth <= innerWidth');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.setViewportSize(VIEWPORTS.desktop);
    expect(harness.securityPolicyViolations).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  }, 120_000);
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Locator, Page } from 'playwright-core';
import { expectEventually } from '@msp/testing';
import {
  type ConsoleHarness,
  seriousAccessibilityViolations,
  SITE_ZONE,
  startConsoleHarness,
  VIEWPORTS,
} from './console-harness';

/**
 * The Indicateurs page end to end (see console-harness.ts): the administrator of the MSP des Lices reads last month's
 * dashboard — the month the demo played — imports the insurer's ACI statement as a CSV and sees the figure change,
 * sends a file with a bad line and sees that line's error with nothing written, and sets an objective the catalogue
 * leaves "à compléter".
 */
describe('the Indicateurs page in Chromium against the real stack', () => {
  let harness: ConsoleHarness;
  let page: Page;
  let structureId = '';
  let leGallId = '';
  const files = mkdtempSync(join(tmpdir(), 'msp-indicators-csv-'));
  /** The last whole month in the structure's zone: the dashboard's default, and the demo month of a fresh stack. */
  const month = DateTime.now().setZone(SITE_ZONE).minus({ months: 1 }).toFormat('yyyy-LL');
  const year = month.slice(0, 4);
  /** A count the demo month cannot reach by itself: 17 pluriprofessional protocols. */
  const IMPORTED = 17;

  beforeAll(async () => {
    harness = await startConsoleHarness();
    ({ page } = harness);
    // Five stacks may share two cores: a query can take longer than Playwright's default 30 s to answer.
    page.setDefaultTimeout(60_000);
  }, 900_000);

  afterAll(async () => {
    rmSync(files, { recursive: true, force: true });
    await harness?.stop();
  });

  const sql = <T>(service: string, text: string, values: unknown[] = []) => harness.sql<T>(service, text, values);
  const csvFile = (name: string, lines: string[]) => {
    const path = join(files, name);
    writeFileSync(path, `rpps;code_indicateur;periode;numerateur;denominateur\r\n${lines.join('\r\n')}\r\n`);
    return path;
  };
  /** An indicator's card on the dashboard, found by its label as a reader finds it. */
  const card = (label: string): Locator => page.getByRole('article', { name: label, exact: true });
  const tab = (name: string) => page.getByRole('tab', { name });

  it('shows an administrator the medical time freed per practitioner and week up front, then the progress of each indicator', async () => {
    [{ id: structureId }] = await sql<{ id: string }>(
      'directory',
      `select id from structure where name = 'MSP des Lices'`,
    );
    [{ id: leGallId }] = await sql<{ id: string }>('directory', `select id from member where email = $1`, [
      'dr.le-gall@msp-lices.demo',
    ]);
    // The month is played by every service at first start, and counted from their events as they arrive: the page
    // needs some of them — a call or a delegated task naming Dr Le Gall — not the whole month.
    await expectEventually(
      async () => {
        const [named] = await sql<{ facts: number }>(
          'indicators',
          `select (select count(*)::int from call_fact where structure_id = $1 and practitioner_id = $2)
                + (select count(*)::int from task_fact where structure_id = $1 and physician_id = $2) as facts`,
          [structureId, leGallId],
        );
        expect(named.facts).toBeGreaterThan(0);
      },
      420_000,
      2_000,
    );

    await harness.signIn(page, 'admin@msp-lices.demo', '/indicateurs');
    await page.getByRole('heading', { level: 1, name: /^Indicateurs — MSP des Lices/ }).waitFor();
    const timeFreed = page.getByRole('region', { name: 'Temps médical libéré par praticien et par semaine' });
    await timeFreed.getByText(/^En moyenne, .* libérées par praticien et par semaine\.$/).waitFor({ timeout: 60_000 });
    await expect(timeFreed.getByRole('img', { name: /minutes libérées par praticien/ }).isVisible()).resolves.toBe(
      true,
    );
    // The figures as text too: the referent of the medical assistant, her minutes week by week.
    const leGall = timeFreed.getByRole('row', { name: /Le Gall/ });
    await leGall.waitFor();
    expect(await leGall.getByRole('cell').last().textContent()).toMatch(/^\d+ h \d{2}$|^\d+ min$/);

    // Progress against both objectives, with points and euros, for last month.
    const protocols = card('Protocoles pluriprofessionnels');
    await protocols.waitFor();
    await expect(protocols.getByText('calculé', { exact: true }).isVisible()).resolves.toBe(true);
    const before = await protocols.getByTestId('indicator-level').textContent();
    expect(before).not.toBe(String(IMPORTED));
    await expect(protocols.getByText('Points', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(protocols.getByText('Montant estimé', { exact: true }).isVisible()).resolves.toBe(true);

    await page.getByText('Calcul des indicateurs…').waitFor({ state: 'detached' });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await harness.screenshot(page, 'indicateurs-tableau-de-bord', { fullPage: true });

    // At a tablet's width the page does not scroll sideways: the wide tables scroll within themselves.
    await page.setViewportSize(VIEWPORTS.tablet);
    await expectEventually(async () =>
      expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true),
    );
    await page.setViewportSize(VIEWPORTS.desktop);
  }, 600_000);

  it('an administrator imports a CSV and sees the dashboard change', async () => {
    await tab('Import CSV').click();
    const file = csvFile('releve-aci.csv', [`;ACI-A2-PROTOCOLES;${month};${IMPORTED};`]);
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByRole('button', { name: 'Importer' }).click();
    await page.getByText(/^1 valeur importée depuis releve-aci\.csv/).waitFor();

    const stored = await sql<{ numerator: number; origin: string; file_name: string; period: string }>(
      'indicators',
      `select numerator, origin, file_name, period from indicator_input
        where structure_id = $1 and indicator_code = 'ACI-A2-PROTOCOLES'`,
      [structureId],
    );
    expect(stored).toEqual([{ numerator: IMPORTED, origin: 'imported', file_name: 'releve-aci.csv', period: month }]);

    await tab('Tableau de bord').click();
    const protocols = card('Protocoles pluriprofessionnels');
    await expectEventually(
      async () => expect(await protocols.getByTestId('indicator-level').textContent()).toBe(String(IMPORTED)),
      10_000,
    );
    await expect(protocols.getByText('importé', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(protocols.getByText('Importé de releve-aci.csv').isVisible()).resolves.toBe(true);
    // 100 points a protocol at 7 € the point.
    await expect(protocols.getByText(/^1\s700 \(maximum à compléter\)$/).isVisible()).resolves.toBe(true);
    await expect(protocols.getByText(/^11\s900\s€$/).isVisible()).resolves.toBe(true);
  }, 120_000);

  it('shows each bad line of a refused file as the service reports it, and writes nothing', async () => {
    await tab('Import CSV').click();
    const file = csvFile('releve-faux.csv', [`;ACI-A2-PROTOCOLES;${month};3;`, `;ACI-A2-FORMATION;${year}-13;2;`]);
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByRole('button', { name: 'Importer' }).click();
    await page.getByText('Fichier refusé : 1 erreur, rien n’a été enregistré.').waitFor();
    const errors = page.getByRole('table', { name: 'Erreurs ligne par ligne' });
    const rows = errors.getByRole('row');
    expect(await rows.count()).toBe(2);
    const cells = await rows.nth(1).getByRole('cell').allTextContents();
    expect(cells.slice(0, 2)).toEqual(['3', 'periode']);
    expect(cells[2]).toContain(`« ${year}-13 » n’est pas une période`);

    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await harness.screenshot(page, 'indicateurs-import', { fullPage: true });

    // All or nothing: the good line of the refused file was not written either.
    const stored = await sql<{ indicator_code: string; numerator: number; file_name: string }>(
      'indicators',
      'select indicator_code, numerator, file_name from indicator_input where structure_id = $1',
      [structureId],
    );
    expect(stored).toEqual([{ indicator_code: 'ACI-A2-PROTOCOLES', numerator: IMPORTED, file_name: 'releve-aci.csv' }]);
    await tab('Tableau de bord').click();
    const level = card('Protocoles pluriprofessionnels').getByTestId('indicator-level');
    await level.waitFor();
    expect(await level.textContent()).toBe(String(IMPORTED));
  }, 120_000);

  it('an administrator sets an objective the catalogue leaves "à compléter", and the dashboard measures against it', async () => {
    await tab('Valeurs à compléter').click();
    await page.getByRole('heading', { name: 'Valeurs du catalogue à compléter' }).waitFor();
    const row = page.getByRole('row', { name: /OPS-NO-SHOW-RATE/ });
    await expect(row.getByText('à compléter').count()).resolves.toBe(2);
    await row.getByRole('button', { name: 'Modifier les objectifs de OPS-NO-SHOW-RATE' }).click();
    const dialog = page.getByRole('dialog', { name: 'Objectif de OPS-NO-SHOW-RATE' });
    await dialog.getByRole('combobox', { name: 'Valeur à renseigner' }).click();
    await page.getByRole('option', { name: 'Objectif cible' }).click();
    await dialog.getByRole('textbox', { name: 'Valeur' }).fill('3');
    await dialog.getByRole('textbox', { name: 'Source' }).fill('Projet de santé 2026');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Objectif cible de OPS-NO-SHOW-RATE : 3 % enregistré.').waitFor();
    await row.getByText('3 % — source : Projet de santé 2026').waitFor();

    const settings = await sql<{ field: string; value: number; source: string }>(
      'indicators',
      `select field, value, source from structure_indicator_setting
        where structure_id = $1 and indicator_code = 'OPS-NO-SHOW-RATE'`,
      [structureId],
    );
    expect(settings).toEqual([{ field: 'objectives.target', value: 3, source: 'Projet de santé 2026' }]);
    const audit = await sql('indicators', 'select 1 from indicator_setting_audit where structure_id = $1', [
      structureId,
    ]);
    expect(audit).toHaveLength(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await tab('Tableau de bord').click();
    const noShows = card('Taux de rendez-vous non honorés');
    await noShows.getByText(/^Objectif cible : 3 %/).waitFor();
    // Lower is better: the bar is full at or under 3 %, and shows how far the month's rate is from it above.
    await noShows.getByRole('progressbar', { name: /^Objectif cible \(3 %\) : \d+ % du chemin$/ }).waitFor();
  }, 120_000);

  it('a practitioner sees their own time freed, no import, and the values to complete read-only', async () => {
    await harness.signOut(page);
    await harness.signIn(page, 'dr.le-gall@msp-lices.demo', '/indicateurs');
    await page.getByRole('heading', { level: 1, name: /^Indicateurs — MSP des Lices/ }).waitFor();
    const timeFreed = page.getByRole('region', { name: 'Temps médical libéré par praticien et par semaine' });
    await timeFreed.getByRole('row', { name: /Le Gall/ }).waitFor({ timeout: 60_000 });
    expect(await timeFreed.getByRole('row').count()).toBe(2); // the header and their own line
    expect(await tab('Import CSV').count()).toBe(0);

    await tab('Valeurs à compléter').click();
    await page.getByText('vous les voyez en lecture seule', { exact: false }).waitFor();
    await page
      .getByRole('row', { name: /OPS-NO-SHOW-RATE/ })
      .getByText('3 % — source : Projet de santé 2026')
      .waitFor();
    expect(await page.getByRole('button', { name: /^Modifier les objectifs/ }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    expect(harness.securityPolicyViolations).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  }, 120_000);
});

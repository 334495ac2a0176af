import type { Locator, Page } from 'playwright-core';
import { expectEventually } from '@msp/testing';
import {
  type ConsoleHarness,
  seriousAccessibilityViolations,
  startConsoleHarness,
  untilTrue,
  VIEWPORTS,
} from './console-harness';

/**
 * The delegation board, end to end (see console-harness.ts): a medical assistant moves a task to "awaiting validation"
 * (an illegal move refused with its reason on the way) and her referent validates it; the detail and its history; the
 * protocols and their editor; the medical time freed per week.
 */
describe('the Tâches page in Chromium against the real stack', () => {
  let harness: ConsoleHarness;
  let page: Page;

  /** GraphQL answers carrying errors, said when a step fails (the stack's logs are gone with it). */
  const graphqlErrors: string[] = [];

  beforeAll(async () => {
    harness = await startConsoleHarness();
    ({ page } = harness);
    // The machine is shared: under load a page's step can take longer than playwright's default.
    page.setDefaultTimeout(60_000);
    page.on('response', (response) => {
      if (!response.url().endsWith('/graphql')) return;
      void response
        .text()
        .then((body) => {
          if (body.includes('"errors"')) graphqlErrors.push(body.slice(0, 600));
        })
        .catch(() => undefined);
    });
  }, 600_000);

  /** Runs a step; when it fails, says what the page showed and which GraphQL errors it got. */
  async function explained<T>(step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      await page.screenshot({ path: '/tmp/tasks-e2e-failure.png', fullPage: true }).catch(() => undefined);
      const shown = await page
        .locator('main')
        .innerText()
        .catch(() => '(no main)');
      throw new Error(
        `${(error as Error).message}\n--- the page showed:\n${shown.slice(0, 3_000)}\n--- GraphQL errors:\n${graphqlErrors.join('\n')}`,
        { cause: error },
      );
    }
  }

  afterAll(() => harness?.stop());

  const sql = <T>(service: string, text: string, values: unknown[] = []) => harness.sql<T>(service, text, values);

  /** One of the morning's demo tasks delegation puts on Manon Daniel's board, under the referent-review protocol. */
  const TITLE = 'Préparer le renouvellement du traitement antihypertenseur (ordonnance échue vendredi)';
  let taskId = '';

  const column = (status: string) => page.locator(`[data-column="${status}"]`);
  const card = (status: string) => column(status).locator(`[data-task-id="${taskId}"]`);
  const handle = () => page.locator(`[data-task-id="${taskId}"] .task-card-handle`);

  /** A real drag with the mouse: dnd-kit starts after a few pixels and follows several moves before the drop. */
  async function drag(from: Locator, to: Locator): Promise<void> {
    await from.scrollIntoViewIfNeeded();
    const start = await from.boundingBox();
    const end = await to.boundingBox();
    const viewport = page.viewportSize();
    if (!start || !end || !viewport) throw new Error('the card or the column is not on screen');
    // The middle of the column's part on screen.
    const x = end.x + end.width / 2;
    const y = (Math.max(end.y, 0) + Math.min(end.y + end.height, viewport.height)) / 2;
    await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await page.mouse.down();
    await page.mouse.move(start.x + start.width / 2 + 10, start.y + start.height / 2 + 10, { steps: 3 });
    await page.mouse.move(x, y, { steps: 12 });
    await page.mouse.move(x + 2, y + 2, { steps: 2 });
    await page.mouse.up();
  }

  async function chooseStructure(name: string): Promise<void> {
    const picker = page.getByRole('combobox', { name: 'Structure' });
    if (!(await picker.count())) return;
    if ((await picker.inputValue()) === name) return;
    await picker.click();
    await page.getByRole('option', { name }).click();
  }

  it('a medical assistant drags a task to "awaiting validation", an illegal move refused with its reason on the way', async () => {
    const [manon] = await sql<{ id: string }>('directory', 'select id from member where email = $1', [
      'manon.daniel@msp-lices.demo',
    ]);
    // Delegation puts the morning's tasks on the board once its copy of the team knows the assistant.
    await expectEventually(async () => {
      const rows = await sql<{ id: string; status: string }>(
        'delegation',
        'select id, status from task where title = $1 and assignee_id = $2',
        [TITLE, manon.id],
      );
      expect(rows).toHaveLength(1);
      taskId = rows[0].id;
    }, 420_000);

    await harness.signIn(page, 'manon.daniel@msp-lices.demo', '/taches');
    await chooseStructure('MSP des Lices');
    await page.getByRole('heading', { level: 1, name: /^Tâches/ }).waitFor();
    // Her own tasks: the whole structure's board holds the demo month's hundreds.
    await page.locator('label', { hasText: /^Mes tâches$/ }).click();
    await explained(() => card('todo').waitFor({ timeout: 60_000 }));
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // To do → done is not a move of the board: delegation refuses it, says why, and the card stays where it was.
    await drag(handle(), column('done'));
    const refusal = page.getByRole('alert').filter({ hasText: 'Déplacement refusé' });
    await explained(() => refusal.waitFor());
    await expect(refusal.innerText()).resolves.toMatch(
      /Une tâche « À faire » ne peut pas passer en « Terminé »\. Passages permis : En cours, Bloquée/,
    );
    await card('todo').waitFor();
    expect(
      (await sql<{ status: string }>('delegation', 'select status from task where id = $1', [taskId]))[0].status,
    ).toBe('todo');
    await refusal.getByRole('button', { name: 'Fermer le message' }).click();

    // Without dragging: the card's "Déplacer vers…" menu, reached and used with the keyboard.
    await page.getByRole('button', { name: `Déplacer vers… : « ${TITLE} »` }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'En cours' }).waitFor();
    await page.getByRole('menuitem', { name: 'En cours' }).focus();
    await page.keyboard.press('Enter');
    await explained(() => card('in_progress').waitFor());

    // Then a drag to "awaiting validation": the task is submitted to her referent.
    await drag(handle(), column('awaiting_validation'));
    await explained(() => card('awaiting_validation').waitFor());
    // The page's confirmation (dnd-kit's live region, for screen readers, says it too).
    await page
      .getByRole('status')
      .filter({ hasText: 'En attente de validation' })
      .and(page.locator(':not([id^="DndLiveRegion"])'))
      .waitFor();
    const [legall] = await sql<{ id: string }>('directory', 'select id from member where email = $1', [
      'dr.le-gall@msp-lices.demo',
    ]);
    const [stored] = await sql<{ status: string; validator_id: string; assignee_id: string }>(
      'delegation',
      'select status, validator_id, assignee_id from task where id = $1',
      [taskId],
    );
    expect(stored).toEqual({ status: 'awaiting_validation', validator_id: legall.id, assignee_id: manon.id });
    const moves = await sql<{ move: string; actor_id: string }>(
      'delegation',
      'select move, actor_id from task_transition where task_id = $1 order by id',
      [taskId],
    );
    expect(moves.slice(-2)).toEqual([
      { move: 'start', actor_id: manon.id },
      { move: 'submit', actor_id: manon.id },
    ]);
    await harness.screenshot(page, 'taches-tableau', { fullPage: true });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The detail, with its history: who moved it, when, from where to where.
    await page.getByRole('button', { name: `Détail de « ${TITLE} »` }).click();
    const detail = page.getByRole('dialog', { name: 'Détail de la tâche' });
    await detail.waitFor();
    const history = detail.getByRole('table', { name: 'Historique des passages de la tâche' });
    await history.getByRole('row', { name: /À faire → En cours/ }).waitFor();
    await history.getByRole('row', { name: /En cours → En attente de validation/ }).waitFor();
    await expect(history.innerText()).resolves.toContain('Manon Daniel');
    await harness.screenshot(page, 'taches-detail');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });

    // At a front desk's tablet width, the columns wrap: nothing runs off the page.
    await page.setViewportSize(VIEWPORTS.tablet);
    await untilTrue(page, `document.documentElement.scrollWidth <= ${VIEWPORTS.tablet.width}`);
    await page.setViewportSize(VIEWPORTS.desktop);
    await harness.signOut(page);
  }, 720_000);

  it('the referent filters "à valider" and validates the task: it is done', async () => {
    const [legall] = await sql<{ id: string }>('directory', 'select id from member where email = $1', [
      'dr.le-gall@msp-lices.demo',
    ]);
    await harness.signIn(page, 'dr.le-gall@msp-lices.demo', '/taches');
    await chooseStructure('MSP des Lices');
    await page.getByRole('heading', { level: 1, name: /^Tâches — MSP des Lices/ }).waitFor();
    await page.locator('label', { hasText: /^À valider$/ }).click();
    await explained(() => card('awaiting_validation').waitFor());
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: `Valider « ${TITLE} »` }).click();
    await page.getByRole('status').filter({ hasText: 'est validée : terminée' }).waitFor();
    // Validated, it leaves what is his to validate.
    await explained(() => card('awaiting_validation').waitFor({ state: 'detached' }));
    const [stored] = await sql<{ status: string; standard_minutes: number | null }>(
      'delegation',
      'select status, standard_minutes from task where id = $1',
      [taskId],
    );
    expect(stored.status).toBe('done');
    expect(stored.standard_minutes).toBeGreaterThan(0);
    const [validation] = await sql<{ move: string; actor_id: string }>(
      'delegation',
      'select move, actor_id from task_transition where task_id = $1 order by id desc limit 1',
      [taskId],
    );
    expect(validation).toEqual({ move: 'validate', actor_id: legall.id });
  }, 180_000);

  it('lists the protocols, drafts one in the editor, and charts the time freed per week with its figures', async () => {
    const tabs = page.getByRole('tablist', { name: 'Vues de la délégation' });
    await tabs.getByRole('tab', { name: 'Protocoles' }).click();
    const protocols = page.getByRole('table', { name: 'Protocoles de la structure' });
    await explained(() => protocols.waitFor());
    await protocols
      .getByRole('row', { name: /Adopté/ })
      .first()
      .waitFor();
    await harness.screenshot(page, 'taches-protocoles', { fullPage: true });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Nouveau protocole' }).click();
    const editor = page.getByRole('dialog', { name: 'Nouveau protocole' });
    await editor.getByRole('textbox', { name: 'Titre' }).fill('Préparation des dossiers MDPH');
    await editor.getByRole('textbox', { name: 'Mission' }).fill('Préparer les certificats médicaux MDPH à signer.');
    await editor
      .getByRole('textbox', { name: 'Procédure (Markdown)' })
      .fill('1. Rassembler les comptes rendus.\n2. Préremplir le certificat.');
    await editor.getByRole('combobox', { name: 'Type de tâche' }).click();
    await page
      .getByRole('option', { name: /^Dossiers assurantiels/ })
      .first()
      .click();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await editor.getByRole('button', { name: 'Enregistrer' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Protocole enregistré : « Préparation des dossiers MDPH »' })
      .waitFor();
    await protocols.getByRole('row', { name: /Préparation des dossiers MDPH.*Brouillon/ }).waitFor();
    const drafts = await sql<{ status: string }>(
      'delegation',
      `select p.status from protocol p join protocol_version v on v.protocol_id = p.id where v.content->>'title' = $1`,
      ['Préparation des dossiers MDPH'],
    );
    expect(drafts).toEqual([{ status: 'draft' }]);

    await tabs.getByRole('tab', { name: 'Temps médical libéré' }).click();
    const figures = page.getByRole('table', { name: 'Temps médical libéré par semaine (tableau)' });
    await explained(() => figures.waitFor());
    await page
      .getByRole('img', { name: /Graphique : minutes médicales libérées/ })
      .locator('.recharts-bar')
      .waitFor();
    // The task validated above counts in this week's figure for Dr Le Gall, chart and table alike.
    await expect(figures.locator('tbody tr').last().innerText()).resolves.not.toMatch(/\t0\t0\t/);
    await harness.screenshot(page, 'taches-temps-libere', { fullPage: true });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    expect(harness.securityPolicyViolations).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  }, 180_000);
});

import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { expectEventually, uniqueSuffix } from '@msp/testing';
import {
  type ConsoleHarness,
  seriousAccessibilityViolations,
  SITE_ZONE,
  startConsoleHarness,
  VIEWPORTS,
} from './console-harness';

/**
 * The meetings page (COO-2 to COO-6), end to end: a coordinator plans a meeting from a proposed slot and closes
 * minutes whose action item becomes a delegation task. The browser runs in Montréal's zone, the practice in Paris.
 */
describe('the meetings page in Chromium against the real stack', () => {
  let harness: ConsoleHarness;
  let page: Page;
  const title = `RCP prévention des chutes ${uniqueSuffix()}`;

  beforeAll(async () => {
    harness = await startConsoleHarness();
    ({ page } = harness);
    // The members, motifs and proposals arrive while npm test's other specs share the two cores.
    page.setDefaultTimeout(60_000);
  }, 600_000);

  afterAll(() => harness?.stop());

  const sql = <T>(service: string, text: string, values: unknown[] = []) => harness.sql<T>(service, text, values);

  it('a coordinator plans a meeting from a proposed slot and closes minutes whose action items appear on the board', async () => {
    const [structure] = await sql<{ id: string }>('directory', `select id from structure where name = 'MSP des Lices'`);
    const memberIdOf = async (firstName: string, lastName: string) =>
      (
        await sql<{ id: string }>('directory', 'select id from member where first_name = $1 and last_name = $2', [
          firstName,
          lastName,
        ])
      )[0].id;
    const guillou = await memberIdOf('Hélène', 'Guillou');
    const riou = await memberIdOf('Gwenaëlle', 'Riou');
    // The planner checks the invitees against coordination's copy of the team, fed by the directory's events. (It reads
    // their agendas in scheduling, which answers free/busy while it plays its demo month.)
    await expectEventually(async () => {
      const team = await sql('coordination', 'select 1 from team_member where member_id = any($1)', [[guillou, riou]]);
      expect(team).toHaveLength(2);
      // Coordination's own demo month: last month's meetings, held and closed, listed below.
      const closed = await sql(
        'coordination',
        'select 1 from meeting where structure_id = $1 and minutes_closed_at is not null',
        [structure.id],
      );
      expect(closed.length).toBeGreaterThan(0);
    }, 420_000);

    await harness.signIn(page, 'coordination@msp-lices.demo', '/reunions');
    await page.getByRole('heading', { level: 1, name: /^Réunions — MSP des Lices/ }).waitFor();
    // The demo month's meetings are listed, held and closed.
    await page
      .getByRole('navigation', { name: 'Réunions de la structure' })
      .getByText('Compte rendu clos')
      .first()
      .waitFor();

    // The planner: who, how long, then the proposed times.
    await page.getByRole('button', { name: 'Planifier une réunion' }).click();
    const planner = page.getByRole('region', { name: 'Planifier une réunion' });
    await planner.getByRole('textbox', { name: 'Titre' }).fill(title);
    await planner.getByRole('checkbox', { name: /^Hélène Guillou/ }).check();
    await planner.getByRole('checkbox', { name: /^Gwenaëlle Riou/ }).check();
    const proposals = planner.getByRole('radiogroup', { name: /Créneaux proposés/ });
    const firstProposal = proposals.getByRole('radio').first();
    const notice = planner.getByText(/agendas ne sont pas joignables/);
    // On a loaded machine scheduling may answer free/busy after coordination's patience: the planner then says so, and
    // the coordinator asks again (another duration, another question).
    for (const minutes of ['60 min', '45 min', '120 min', '30 min']) {
      await Promise.race([firstProposal.waitFor({ timeout: 60_000 }), notice.waitFor({ timeout: 60_000 })]).catch(
        () => undefined,
      );
      if (await firstProposal.isVisible()) break;
      await planner.getByRole('combobox', { name: 'Durée' }).click();
      await page.getByRole('option', { name: minutes }).click();
    }
    await firstProposal.waitFor({ timeout: 60_000 });
    await firstProposal.check();
    const proposalLabel = await firstProposal.evaluate(
      (input) =>
        (input as unknown as { labels: Array<{ textContent: string | null }> | null }).labels?.[0]?.textContent ?? '',
    );
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await harness.screenshot(page, 'reunions-planification', { fullPage: true });
    await planner.getByRole('button', { name: 'Planifier la réunion' }).click();
    await page.getByText(new RegExp(`Réunion planifiée : ${title}`)).waitFor({ timeout: 30_000 });

    // Coordination stored it at the proposed time (shown in Paris time whatever the browser's zone), with its invitations.
    const [meeting] = await sql<{ id: string; starts_at: Date; status: string }>(
      'coordination',
      'select id, starts_at, status from meeting where title = $1',
      [title],
    );
    expect(meeting.status).toBe('scheduled');
    expect(proposalLabel).toContain(DateTime.fromJSDate(meeting.starts_at, { zone: SITE_ZONE }).toFormat('HH:mm'));
    const invited = await sql<{ member_id: string }>(
      'coordination',
      'select member_id from invitation where meeting_id = $1',
      [meeting.id],
    );
    expect(invited.map((i) => i.member_id)).toEqual(expect.arrayContaining([guillou, riou]));
    expect(invited).toHaveLength(3);
    await page.getByRole('heading', { level: 2, name: title }).waitFor();
    await page.getByRole('cell', { name: /Hélène Guillou/ }).waitFor();

    // The meeting is held: attendance and minutes are accepted from its start on, by coordination's clock. The spec
    // stands in for the weeks between planning and meeting by moving it to this morning.
    await sql(
      'coordination',
      `update meeting set starts_at = now() - interval '3 hours', ends_at = now() - interval '90 minutes' where id = $1`,
      [meeting.id],
    );
    await page.reload();
    await page.getByRole('heading', { level: 2, name: title }).waitFor();

    // The case agenda: a patient found by name in the directory, presented by Dr Guillou.
    const [patient] = await sql<{ id: string; first_name: string; last_name: string }>(
      'directory',
      `select id, first_name, last_name from patient where structure_id = $1 order by last_name, first_name limit 1`,
      [structure.id],
    );
    await page.getByRole('tab', { name: 'Ordre du jour' }).click();
    await page.getByRole('textbox', { name: /Rechercher un patient/ }).fill(patient.last_name);
    await page
      .getByRole('radio', { name: new RegExp(`^${patient.last_name.toUpperCase()} ${patient.first_name}`) })
      .first()
      .check({ timeout: 90_000 });
    await page.getByRole('combobox', { name: 'Présenté par' }).click();
    await page.getByRole('option', { name: 'Hélène Guillou' }).click();
    await page.getByRole('textbox', { name: 'Motif de présentation' }).fill('Chutes répétées à domicile');
    await page.getByRole('button', { name: 'Ajouter le cas' }).click();
    await page.getByRole('cell', { name: 'Chutes répétées à domicile' }).waitFor();
    await page.getByRole('cell', { name: `${patient.last_name.toUpperCase()} ${patient.first_name}` }).waitFor();

    // Attendance: the GP, the nurse and the coordinator came.
    await page.getByRole('tab', { name: 'Présence' }).click();
    for (const name of ['Hélène Guillou', 'Gwenaëlle Riou'])
      await page
        .getByRole('radiogroup', { name: `Présence de ${name}` })
        .getByText('Présent·e')
        .click();
    await page.getByRole('button', { name: 'Enregistrer la présence' }).click();
    await page.getByText('Présence enregistrée : la réunion est tenue.').waitFor();
    await page.getByText('Pluriprofessionnelle', { exact: true }).waitFor();

    // The minutes: a decision and an action item for the nurse, then closed.
    await page.getByRole('tab', { name: 'Compte rendu' }).click();
    await page.getByRole('textbox', { name: 'Décision' }).fill('Évaluation du domicile par l’infirmière');
    await page.getByRole('button', { name: 'Ajouter la décision' }).click();
    await page.getByText('Évaluation du domicile par l’infirmière').waitFor();
    const action = 'Visite à domicile pour évaluer les risques de chute';
    await page.getByRole('textbox', { name: 'Action à mener' }).fill(action);
    await page.getByRole('combobox', { name: 'Confiée à' }).click();
    await page.getByRole('option', { name: 'Gwenaëlle Riou' }).click();
    const due = DateTime.now().setZone(SITE_ZONE).plus({ days: 7 }).toISODate() as string;
    await page.getByLabel('Échéance').fill(due);
    await page.getByRole('button', { name: 'Ajouter l’action' }).click();
    await page.getByText(action).waitFor();
    await page.getByText('Deviendra une tâche à la clôture').waitFor();
    await harness.screenshot(page, 'reunions-compte-rendu', { fullPage: true });

    await page.getByRole('button', { name: 'Clore le compte rendu' }).click();
    await page
      .getByRole('dialog', { name: 'Clore le compte rendu' })
      .getByRole('button', { name: 'Clore', exact: true })
      .click();
    await page.getByText(/^Compte rendu clos le /).waitFor();

    // Coordination stored the minutes, closed; delegation made a task of the action item (through Kafka).
    const [stored] = await sql<{ minutes_closed_at: Date | null; status: string; pluriprofessional: boolean }>(
      'coordination',
      'select minutes_closed_at, status, pluriprofessional from meeting where id = $1',
      [meeting.id],
    );
    expect(stored).toEqual(expect.objectContaining({ status: 'held', pluriprofessional: true }));
    expect(stored.minutes_closed_at).not.toBeNull();
    const [item] = await sql<{ id: string; assignee_id: string }>(
      'coordination',
      'select id, assignee_id from action_item where meeting_id = $1',
      [meeting.id],
    );
    expect(item.assignee_id).toBe(riou);
    await expectEventually(async () => {
      const tasks = await sql<{ origin: string; assignee_id: string; status: string }>(
        'delegation',
        'select origin, assignee_id, status from task where source_id = $1',
        [item.id],
      );
      expect(tasks).toEqual([{ origin: 'meeting_action_item', assignee_id: riou, status: 'todo' }]);
    }, 60_000);
    // The minutes show the action item on delegation's board, as the board answers it through the gateway.
    await page.getByText('Tâche créée — à faire').waitFor({ timeout: 60_000 });
    // At a tablet's width the page holds.
    await page.setViewportSize(VIEWPORTS.tablet);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(VIEWPORTS.tablet.width);
    await page.setViewportSize(VIEWPORTS.desktop);
    expect(harness.securityPolicyViolations).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  }, 900_000);

  it('shows a secretary the meetings without the planner', async () => {
    const secretary = await harness.newPage();
    await harness.signIn(secretary, 'secretariat@msp-lices.demo', '/reunions');
    await secretary.getByRole('heading', { level: 1, name: /^Réunions/ }).waitFor();
    await secretary.getByRole('navigation', { name: 'Réunions de la structure' }).getByText(title).click();
    await secretary.getByRole('heading', { level: 2, name: title }).waitFor();
    expect(await secretary.getByRole('button', { name: 'Planifier une réunion' }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(secretary)).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  }, 120_000);
});

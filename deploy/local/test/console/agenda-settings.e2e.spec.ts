import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { expectEventually } from '@msp/testing';
import {
  type ConsoleHarness,
  type DemoPatient,
  patientLabel as label,
  seriousAccessibilityViolations,
  SITE_ZONE,
  startConsoleHarness,
  untilTrue,
  VIEWPORTS,
} from './console-harness';

const PRACTITIONER = 'Léa Chevalier';
const MOTIF = 'Bilan nutritionnel';

/**
 * The agenda's settings and its waitlist, end to end (see console-harness.ts). The administrator creates a motif for the
 * dietitian and edits it; a secretary gives her a Saturday morning offering it (defined, then edited), books two
 * patients on it, puts a third on the waitlist, frees the first's time (the waitlist patient is offered it, and
 * declines through the desk), then ends the Saturday range: the second patient's appointment is listed as outside the
 * ranges, and she keeps it. Scheduling's rows are checked at each step; axe on each view. The dietitian and the
 * Saturday are this spec's own: no other spec books her, and no demo range opens on Saturdays.
 */
describe('the agenda settings and the waitlist', () => {
  let harness: ConsoleHarness;
  let page: Page;

  beforeAll(async () => {
    harness = await startConsoleHarness();
    ({ page } = harness);
  }, 600_000);

  afterAll(() => harness?.stop());

  const sql = <T>(service: string, text: string, values: unknown[] = []) => harness.sql<T>(service, text, values);
  const axe = async () => expect(await seriousAccessibilityViolations(page)).toEqual([]);
  const noSidewaysScroll = async () => {
    await page.setViewportSize(VIEWPORTS.tablet);
    await untilTrue(page, 'document.documentElement.scrollWidth <= window.innerWidth');
    await page.setViewportSize(VIEWPORTS.desktop);
  };
  const views = () => page.getByRole('navigation', { name: 'Vues de l’agenda' });
  const closeNotices = async () => {
    for (const close of await page.getByRole('button', { name: 'Fermer le message' }).all()) await close.click();
  };

  async function chooseSite() {
    await page.getByRole('combobox', { name: 'Site' }).click();
    await page.getByRole('option', { name: 'Montfort-sur-Meu' }).click();
  }

  async function choosePractitioner() {
    await page.getByRole('combobox', { name: 'Praticien·ne' }).click();
    await page.getByRole('option', { name: PRACTITIONER }).click();
    await page.getByRole('heading', { name: `Plages d’ouverture de ${PRACTITIONER} à Montfort-sur-Meu` }).waitFor();
  }

  /** Books the dietitian's `index`-th free slot of the new motif for the patient, through the booking dialog. */
  async function book(patient: DemoPatient, index: number) {
    await page.getByRole('button', { name: 'Nouveau rendez-vous' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouveau rendez-vous' });
    await dialog.getByRole('combobox', { name: 'Praticien·ne' }).click();
    await page.getByRole('option', { name: PRACTITIONER }).click();
    await dialog.getByRole('combobox', { name: 'Motif' }).click();
    await page.getByRole('option', { name: `${MOTIF} (40 min)` }).click();
    const slot = dialog
      .getByRole('radiogroup', { name: /Créneaux libres/ })
      .getByRole('radio')
      .nth(index);
    await slot.waitFor();
    await slot.check();
    await dialog
      .getByRole('textbox', { name: /Rechercher un patient/ })
      .fill(`${patient.last_name} ${patient.first_name}`);
    await dialog.getByRole('radio', { name: new RegExp(`^${label(patient)}`) }).check();
    await dialog.getByRole('button', { name: /^Réserver le rendez-vous/ }).click();
    await page.getByText(/Rendez-vous réservé/).waitFor({ timeout: 60_000 });
    await dialog.waitFor({ state: 'detached' });
    await closeNotices();
    const [appointment] = await sql<{ id: string; starts_at: Date }>(
      'scheduling',
      `select id, starts_at from appointment where patient_id = $1 and status = 'booked' order by created_at desc limit 1`,
      [patient.id],
    );
    return appointment;
  }

  it('motifs, a Saturday range defined, edited and ended with an appointment outside it kept, and the waitlist', async () => {
    const [structure] = await sql<{ id: string }>('directory', `select id from structure where name = 'MSP des Lices'`);
    const [dietitian] = await sql<{ id: string }>(
      'directory',
      `select id from member where first_name = 'Léa' and last_name = 'Chevalier'`,
    );
    await expectEventually(async () => {
      const played = await sql(
        'scheduling',
        'select 1 from demo_month where structure_id = $1 and completed_at is not null',
        [structure.id],
      );
      expect(played).toHaveLength(1);
    }, 300_000);

    // ── The administrator: a motif of the dietitian's own, then a change to it ──────────────────────────────────────
    await harness.signIn(page, 'admin@msp-lices.demo', '/agenda/horaires?onglet=motifs');
    await chooseSite();
    await page.getByRole('heading', { name: 'Horaires et motifs — Montfort-sur-Meu' }).waitFor();
    // Scheduling shows the waitlist to those who book: not to an administrator.
    await expect(views().getByRole('link', { name: 'Liste d’attente' }).count()).resolves.toBe(0);
    await page.getByRole('tab', { name: 'Motifs de consultation' }).click();
    await page.getByRole('table', { name: 'Motifs de consultation' }).waitFor();
    await page.getByRole('button', { name: 'Nouveau motif' }).click();
    const newMotif = page.getByRole('dialog', { name: 'Nouveau motif de consultation' });
    await newMotif.getByLabel('Libellé').fill(MOTIF);
    await newMotif.getByRole('combobox', { name: 'Motif de' }).click();
    await page.getByRole('option', { name: PRACTITIONER }).click();
    await newMotif.getByLabel('Durée (minutes)').fill('45');
    // Booked at the desk only, for patients the practice follows: the public page does not offer it.
    await newMotif.getByRole('checkbox', { name: 'Ouvert aux nouveaux patients' }).uncheck();
    await axe();
    await newMotif.getByRole('button', { name: 'Créer le motif' }).click();
    await page.getByText(`Motif créé : ${MOTIF}.`).waitFor();
    const [created] = await sql<{
      id: string;
      duration_minutes: number;
      bookable_by: string[];
      new_patients_allowed: boolean;
      version: number;
    }>(
      'scheduling',
      `select id, duration_minutes, bookable_by, new_patients_allowed, version from motif
        where label = $1 and practitioner_id = $2`,
      [MOTIF, dietitian.id],
    );
    expect(created).toMatchObject({
      duration_minutes: 45,
      bookable_by: ['staff'],
      new_patients_allowed: false,
      version: 1,
    });

    await page.getByRole('button', { name: `Modifier le motif ${MOTIF}` }).click();
    const editMotif = page.getByRole('dialog', { name: 'Modifier le motif' });
    await editMotif.getByLabel('Durée (minutes)').fill('40');
    await editMotif.getByRole('button', { name: 'Enregistrer le motif' }).click();
    await page.getByText(`Motif modifié : ${MOTIF}.`).waitFor();
    await expect(
      sql('scheduling', 'select duration_minutes, version from motif where id = $1', [created.id]),
    ).resolves.toEqual([{ duration_minutes: 40, version: 2 }]);
    await page.getByRole('row', { name: new RegExp(`${MOTIF}.*40 min`) }).waitFor();
    await axe();
    await harness.screenshot(page, 'agenda-motifs');
    await noSidewaysScroll();
    await harness.signOut(page);

    // ── A secretary: a Saturday morning for the dietitian, then longer ──────────────────────────────────────────────
    await harness.signIn(page, 'secretariat@msp-lices.demo', '/agenda/horaires');
    await chooseSite();
    await page.getByRole('heading', { name: 'Horaires et motifs — Montfort-sur-Meu' }).waitFor();
    await choosePractitioner();
    await page.getByRole('button', { name: 'Nouvelle plage' }).click();
    const newRange = page.getByRole('dialog', { name: 'Nouvelle plage d’ouverture' });
    await newRange.getByRole('checkbox', { name: 'Samedi' }).check();
    await newRange.getByLabel('Début (heure du site)').fill('09:00');
    await newRange.getByLabel('Fin (heure du site)').fill('11:00');
    await newRange.getByRole('combobox', { name: 'Motifs proposés' }).click();
    await page.getByRole('option', { name: MOTIF }).click();
    await newRange.getByText(`${PRACTITIONER} — Montfort-sur-Meu`).click();
    await axe();
    await newRange.getByRole('button', { name: 'Ajouter la plage' }).click();
    await page.getByText('Plage ajoutée : samedi 09:00 – 11:00.').waitFor();
    const [range] = await sql<{ id: string; end_time: string; motif_ids: string[]; valid_from: string }>(
      'scheduling',
      `select id, end_time, motif_ids, to_char(valid_from, 'YYYY-MM-DD') as valid_from from opening_range
        where practitioner_id = $1 and recurrence = 'FREQ=WEEKLY;BYDAY=SA'`,
      [dietitian.id],
    );
    expect(range).toMatchObject({
      end_time: '11:00',
      motif_ids: [created.id],
      valid_from: DateTime.now().setZone(SITE_ZONE).toISODate(),
    });
    await page.getByRole('row', { name: /samedi.*09:00 – 11:00/ }).waitFor();

    await page.getByRole('button', { name: 'Modifier la plage samedi 09:00 – 11:00' }).click();
    const editRange = page.getByRole('dialog', { name: 'Modifier la plage d’ouverture' });
    await editRange.getByLabel('Fin (heure du site)').fill('12:00');
    await editRange.getByRole('button', { name: 'Enregistrer la modification' }).click();
    await page.getByText(/^Plage modifiée à partir du .* : samedi 09:00 – 12:00\.$/).waitFor();
    await page.getByRole('row', { name: /samedi.*09:00 – 12:00/ }).waitFor();
    // Not begun before today (its first day): rewritten under its id, its version bumped.
    await expect(
      sql('scheduling', 'select end_time, version from opening_range where id = $1', [range.id]),
    ).resolves.toEqual([{ end_time: '12:00', version: 2 }]);
    await axe();
    await harness.screenshot(page, 'agenda-horaires');
    await noSidewaysScroll();
    // Motifs are the administration's and the coordination's: a secretary reads them.
    await page.getByRole('tab', { name: 'Motifs de consultation' }).click();
    await page.getByRole('table', { name: 'Motifs de consultation' }).waitFor();
    await expect(page.getByRole('button', { name: 'Nouveau motif' }).count()).resolves.toBe(0);

    // ── Two patients booked on the new motif: only the Saturday range offers it ─────────────────────────────────────
    // After the agenda actions spec's two (it runs beside this one), three patients free around now.
    const [first, second, waiting] = await harness.freeDemoPatients('MSP des Lices', 3, 20);
    await views().getByRole('link', { name: 'Semaine' }).click();
    await page.getByText("Chargement de l'agenda…").waitFor({ state: 'detached' });
    const freed = await book(first, 0);
    const kept = await book(second, 1);
    const saturday = DateTime.fromJSDate(freed.starts_at, { zone: SITE_ZONE });
    expect(saturday.weekday).toBe(6);

    // ── The third on the waitlist for the dietitian, before the Saturday after ──────────────────────────────────────
    await views().getByRole('link', { name: 'Liste d’attente' }).click();
    await page.getByRole('heading', { name: 'Liste d’attente — MSP des Lices' }).waitFor();
    await page.getByRole('button', { name: 'Inscrire un patient' }).click();
    const join = page.getByRole('dialog', { name: 'Inscrire un patient sur la liste d’attente' });
    await join
      .getByRole('textbox', { name: /Rechercher un patient/ })
      .fill(`${waiting.last_name} ${waiting.first_name}`);
    await join.getByRole('radio', { name: new RegExp(`^${label(waiting)}`) }).check();
    await join.getByRole('combobox', { name: 'Praticien·ne' }).click();
    await page.getByRole('option', { name: PRACTITIONER }).click();
    await join.getByRole('combobox', { name: 'Motif' }).click();
    await page.getByRole('option', { name: `${MOTIF} (40 min)` }).click();
    const before = saturday.plus({ days: 7 }).toISODate()!;
    await join.getByLabel('Un créneau avant le').fill(before);
    await axe();
    await join.getByRole('button', { name: 'Inscrire sur la liste d’attente' }).click();
    await page.getByText(`${label(waiting)} est inscrit·e sur la liste d’attente.`).waitFor();
    const [entry] = await sql<{
      id: string;
      status: string;
      motif_id: string;
      practitioner_id: string;
      before: string;
    }>(
      'scheduling',
      `select id, status, motif_id, practitioner_id, to_char(before_date, 'YYYY-MM-DD') as before
         from waitlist_entry where patient_id = $1`,
      [waiting.id],
    );
    expect(entry).toMatchObject({ status: 'waiting', motif_id: created.id, practitioner_id: dietitian.id, before });
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: label(waiting) }) });
    await card.getByText('Aucun créneau proposé pour l’instant.').waitFor();
    await card.getByText(`Un créneau avant le ${saturday.plus({ days: 7 }).toFormat('dd/LL/yyyy')}`).waitFor();

    // ── The first patient cancels: the freed time is offered to the waiting one, who declines through the desk ──────
    await views().getByRole('link', { name: 'Semaine' }).click();
    await page.getByText("Chargement de l'agenda…").waitFor({ state: 'detached' });
    const weeksAhead = Math.round(
      saturday.startOf('week').diff(DateTime.now().setZone(SITE_ZONE).startOf('week'), 'weeks').weeks,
    );
    for (let week = 0; week < weeksAhead; week++) await page.locator('.fc-next-button').click();
    await page.locator('.fc-event', { hasText: label(first) }).click();
    const drawer = page.getByRole('dialog', { name: 'Rendez-vous', exact: true });
    await drawer.getByRole('combobox', { name: 'Motif de l’annulation' }).click();
    await page.getByRole('option', { name: 'À la demande du patient' }).click();
    await drawer.getByRole('button', { name: 'Annuler ce rendez-vous' }).click();
    await page.getByText(`Rendez-vous annulé : ${label(first)}.`).waitFor();
    const offer = await expectEventually(async () => {
      const [made] = await sql<{ id: string; status: string; starts_at: Date }>(
        'scheduling',
        'select id, status, starts_at from waitlist_offer where entry_id = $1',
        [entry.id],
      );
      expect(made).toMatchObject({ status: 'open', starts_at: freed.starts_at });
      return made;
    }, 60_000);
    await views().getByRole('link', { name: 'Liste d’attente' }).click();
    const when = `${saturday.setLocale('fr').toFormat("ccc d LLL', 'HH:mm")}`;
    await card
      .getByText(new RegExp(`${when} avec ${PRACTITIONER} à Montfort-sur-Meu — En attente de réponse`))
      .waitFor({
        timeout: 30_000,
      });
    await card.getByText('Créneau proposé', { exact: true }).waitFor();
    await axe();
    await card.getByRole('button', { name: `Refuser pour le patient : ${label(waiting)}, créneau du ${when}` }).click();
    await page.getByText(/^Créneau refusé : il est proposé au patient suivant/).waitFor();
    await card.getByText(new RegExp(`${when} avec ${PRACTITIONER} à Montfort-sur-Meu — Refusé`)).waitFor();
    await expect(sql('scheduling', 'select status from waitlist_offer where id = $1', [offer.id])).resolves.toEqual([
      { status: 'declined' },
    ]);
    await expect(sql('scheduling', 'select status from waitlist_entry where id = $1', [entry.id])).resolves.toEqual([
      { status: 'waiting' },
    ]);
    await harness.screenshot(page, 'liste-attente');
    await noSidewaysScroll();

    // ── The Saturday range ends from that Saturday: the second patient is left outside it, and kept ──────────────────
    await views().getByRole('link', { name: 'Horaires et motifs' }).click();
    await choosePractitioner();
    await page.getByRole('button', { name: 'Mettre fin à la plage samedi 09:00 – 12:00' }).click();
    const end = page.getByRole('dialog', { name: 'Mettre fin à la plage d’ouverture' });
    await end.getByLabel('Premier jour sans cette plage').fill(saturday.toISODate()!);
    await axe();
    await end.getByRole('button', { name: 'Mettre fin à la plage', exact: true }).click();
    await page.getByText(/1 rendez-vous réservé se trouve désormais hors des plages/).waitFor();
    const [listed] = await sql<{ decision: string | null; opening_range_id: string }>(
      'scheduling',
      'select decision, opening_range_id from appointment_outside_range where appointment_id = $1',
      [kept.id],
    );
    expect(listed).toEqual({ decision: null, opening_range_id: range.id });
    const outside = page.getByRole('list', { name: 'Rendez-vous à décider' });
    const item = outside.getByRole('listitem').filter({ hasText: `Patient : ${label(second)}` });
    await item.getByText(`Motif : ${MOTIF}`).waitFor();
    await axe();
    await harness.screenshot(page, 'agenda-hors-plages');
    // By the keyboard: the decision's radio, then its button.
    await item.getByRole('radio', { name: 'Conserver' }).focus();
    await page.keyboard.press('Space');
    await item.getByRole('button', { name: 'Conserver à cet horaire' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(/^Rendez-vous conservé : /).waitFor();
    await item.waitFor({ state: 'detached' });
    const [decided] = await sql<{ decision: string; status: string; starts_at: Date }>(
      'scheduling',
      `select o.decision, a.status, a.starts_at from appointment_outside_range o join appointment a on a.id = o.appointment_id
        where o.appointment_id = $1`,
      [kept.id],
    );
    expect(decided).toEqual({ decision: 'kept', status: 'booked', starts_at: kept.starts_at });
    // Ended the day before that Saturday; withdrawn when that Saturday was its first day (a run on a Saturday).
    const after = await sql<{ valid_until: string | null }>(
      'scheduling',
      `select to_char(valid_until, 'YYYY-MM-DD') as valid_until from opening_range where id = $1`,
      [range.id],
    );
    expect(after).toEqual(
      saturday.toISODate() === range.valid_from ? [] : [{ valid_until: saturday.minus({ days: 1 }).toISODate() }],
    );
    await axe();
    expect(harness.securityPolicyViolations).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  }, 900_000);
});

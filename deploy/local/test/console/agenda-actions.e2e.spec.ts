import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import {
  type ConsoleHarness,
  type DemoPatient,
  patientLabel as label,
  seriousAccessibilityViolations,
  SITE_ZONE,
  startConsoleHarness,
} from './console-harness';

/**
 * The desk's actions in the agenda, end to end (see console-harness.ts): an appointment opened from the week view,
 * marked arrived; another moved by dragging (scheduling refuses a time that is taken, the move is undone and says
 * why) and cancelled with a reason.
 */
describe('the agenda actions of the front desk', () => {
  let harness: ConsoleHarness;
  let page: Page;

  beforeAll(async () => {
    harness = await startConsoleHarness();
    ({ page } = harness);
  }, 600_000);

  afterAll(() => harness?.stop());

  const sql = <T>(service: string, text: string, values: unknown[] = []) => harness.sql<T>(service, text, values);

  /** Books the first free slot of Dr Guillou's first motif for the patient, through the booking dialog. */
  async function book(patient: DemoPatient) {
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
    // Last and first name: the search answers 8 patients, and the demo practice has more than 8 of some names.
    await dialog
      .getByRole('textbox', { name: /Rechercher un patient/ })
      .fill(`${patient.last_name} ${patient.first_name}`);
    await dialog.getByRole('radio', { name: new RegExp(`^${label(patient)}`) }).check();
    await dialog.getByRole('button', { name: /^Réserver le rendez-vous/ }).click();
    await page.getByText(/Rendez-vous réservé/).waitFor({ timeout: 60_000 });
    await dialog.waitFor({ state: 'detached' });
    const [appointment] = await sql<{ id: string; starts_at: Date }>(
      'scheduling',
      `select id, starts_at from appointment where patient_id = $1 and status = 'booked' order by created_at desc limit 1`,
      [patient.id],
    );
    await page.getByRole('button', { name: 'Fermer le message' }).first().click();
    return appointment;
  }

  const statusOf = async (id: string) =>
    (
      await sql<{ status: string; cancel_reason: string | null; starts_at: Date }>(
        'scheduling',
        'select status, cancel_reason, starts_at from appointment where id = $1',
        [id],
      )
    )[0];

  it('a secretary marks an appointment arrived, and cancels another with a reason after a refused move', async () => {
    await harness.signIn(page, 'secretariat@msp-lices.demo');
    await page.getByRole('combobox', { name: 'Site' }).click();
    await page.getByRole('option', { name: 'Montfort-sur-Meu' }).click();
    await page.getByRole('heading', { name: 'Agenda — Montfort-sur-Meu' }).waitFor();
    await page.getByText("Chargement de l'agenda…").waitFor({ state: 'detached' });

    // Two patients with nothing in the agenda around now and a name of their own: each event is theirs alone.
    const patients = await harness.freeDemoPatients('MSP des Lices', 2);
    const first = await book(patients[0]);
    const second = await book(patients[1]);

    // The first: opened from the week view, the patient is at the desk.
    const firstEvent = page.locator('.fc-event', { hasText: label(patients[0]) });
    await firstEvent.click();
    const drawer = page.getByRole('dialog', { name: 'Rendez-vous', exact: true });
    await drawer.getByText(`Patient : ${label(patients[0])}`).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    const arrived = drawer.getByRole('button', { name: 'Patient arrivé' });
    const today = DateTime.now().setZone(SITE_ZONE).toISODate();
    if (DateTime.fromJSDate(first.starts_at, { zone: SITE_ZONE }).toISODate() === today) {
      await harness.screenshot(page, 'agenda-actions');
      await arrived.click();
      await page.getByText(`Patient marqué arrivé : ${label(patients[0])}.`).waitFor();
      await drawer.waitFor({ state: 'detached' });
      await expect(statusOf(first.id)).resolves.toMatchObject({ status: 'arrived' });
      await page.locator('.fc-event.appointment--arrived', { hasText: label(patients[0]) }).waitFor();
    } else {
      // The run is after the site's last slot of the day: the first free slot is on a later day, not yet arrivable.
      await expect(arrived.isDisabled()).resolves.toBe(true);
      await drawer.getByText('Possible à partir du jour du rendez-vous.').waitFor();
      await harness.screenshot(page, 'agenda-actions');
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'detached' });
      await expect(statusOf(first.id)).resolves.toMatchObject({ status: 'booked' });
    }

    // The second, dragged onto the first's time: scheduling refuses, the event goes back and the page says why.
    const secondEvent = page.locator('.fc-event', { hasText: label(patients[1]) });
    const from = (await secondEvent.boundingBox())!;
    const to = (await firstEvent.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + 4);
    await page.mouse.down();
    // Onto the first's day and time: the same practitioner, overlapping.
    await page.mouse.move(to.x + to.width / 2, to.y + 4, { steps: 12 });
    await page.mouse.up();
    await page.getByText(/^Déplacement refusé, le rendez-vous reste à sa place : /).waitFor({ timeout: 30_000 });
    await expect(statusOf(second.id)).resolves.toMatchObject({ status: 'booked', starts_at: second.starts_at });
    await expect(secondEvent.innerText()).resolves.toContain(
      DateTime.fromJSDate(second.starts_at, { zone: SITE_ZONE }).toFormat('HH:mm'),
    );

    // Then cancelled, at the patient's request.
    await secondEvent.click();
    await drawer.getByText(`Patient : ${label(patients[1])}`).waitFor();
    await drawer.getByRole('combobox', { name: 'Motif de l’annulation' }).click();
    await page.getByRole('option', { name: 'À la demande du patient' }).click();
    await drawer.getByRole('button', { name: 'Annuler ce rendez-vous' }).click();
    await page.getByText(`Rendez-vous annulé : ${label(patients[1])}.`).waitFor();
    await expect(statusOf(second.id)).resolves.toMatchObject({ status: 'cancelled', cancel_reason: 'patient_request' });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // A training morning for the midwife in three weeks, typed in the site's hours.
    await page.getByRole('button', { name: 'Déclarer une absence' }).click();
    const absence = page.getByRole('dialog', { name: 'Déclarer une absence' });
    await absence.getByRole('combobox', { name: 'Praticien·ne' }).click();
    await page.getByRole('option', { name: 'Anaïs Perrin' }).click();
    await absence.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Formation' }).click();
    const day = DateTime.now().setZone(SITE_ZONE).plus({ weeks: 3 }).toISODate()!;
    await absence.getByLabel('Du (date)').fill(day);
    await absence.getByLabel('À partir de (heure du site)').fill('08:00');
    await absence.getByLabel('Au (date)').fill(day);
    await absence.getByLabel('Jusqu’à (heure du site)').fill('12:00');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await absence.getByRole('button', { name: 'Déclarer l’absence' }).click();
    await page.getByText('Absence déclarée : Anaïs Perrin.').waitFor();
    const [training] = await sql<{ kind: string; starts_at: Date; ends_at: Date }>(
      'scheduling',
      `select kind, starts_at, ends_at from schedule_exception where kind = 'training' and starts_at >= $1 order by created_at desc limit 1`,
      [DateTime.fromISO(day, { zone: SITE_ZONE }).toJSDate()],
    );
    expect(DateTime.fromJSDate(training.starts_at, { zone: SITE_ZONE }).toISO()).toBe(
      DateTime.fromISO(`${day}T08:00`, { zone: SITE_ZONE }).toISO(),
    );
    expect(harness.securityPolicyViolations).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  }, 480_000);
});

import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { expectEventually } from '@msp/testing';
import {
  type ConsoleHarness,
  seriousAccessibilityViolations,
  SITE_ZONE,
  startConsoleHarness,
  VIEWPORTS,
} from './console-harness';

/**
 * The practice's public online-booking page, end to end (see console-harness.ts): a patient on a phone, no sign-in,
 * the public REST API on the gateway's origin; then the secretariat confirms the request from the agenda.
 */
describe('online booking on the public page', () => {
  let harness: ConsoleHarness;
  let gatewayUrl: string;
  let structureId = '';
  let montfortId = '';
  /** What the patient booked, for the secretariat's test. */
  let booked: { requestId: string; holdId: string; startsAt: Date; lastName: string } | undefined;

  beforeAll(async () => {
    harness = await startConsoleHarness();
    ({ gatewayUrl } = harness);
  }, 600_000);

  afterAll(() => harness?.stop());

  const sql = <T>(service: string, text: string, values: unknown[] = []) => harness.sql<T>(service, text, values);
  /** A name as a regular expression matches it, whatever it holds. */
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  /** The page fits the phone's width: nothing to scroll sideways. */
  const fitsThePhone = async (page: Page) =>
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      VIEWPORTS.phone.width,
    );

  it('a patient books online on a phone-sized page, with the practice, the practitioner and the site named', async () => {
    const [site] = await sql<{
      id: string;
      structure_id: string;
      practice: string;
      name: string;
      address_line: string;
      postal_code: string;
      city: string;
      desk_phone: string;
    }>(
      'directory',
      `select s.id, s.structure_id, t.name as practice, s.name, s.address_line, s.postal_code, s.city,
              s.phone_lines[1] as desk_phone
         from site s join structure t on t.id = s.structure_id
        where t.name = 'MSP des Lices' and s.name = 'Montfort-sur-Meu'`,
    );
    structureId = site.structure_id;
    montfortId = site.id;
    // The physicians who take appointments at Montfort, as the directory names them to patients.
    const physicians = new Map(
      (
        await sql<{ id: string; first_name: string; last_name: string }>(
          'directory',
          `select m.id, m.first_name, m.last_name from member m join membership ms on ms.member_id = m.id
            where ms.structure_id = $1 and ms.left_at is null and 'practitioner' = any(ms.roles)
              and $2 = any(ms.site_ids) and m.profession = 'general_practitioner'`,
          [structureId, montfortId],
        )
      ).map((m) => [`Dr ${m.first_name} ${m.last_name}`, m.id]),
    );
    expect(physicians.size).toBeGreaterThan(1);
    // The demo agendas (motifs and opening ranges) are in place before the page offers their slots; last month may
    // still be playing (a booking then waits for the day being played to be committed).
    await expectEventually(async () => {
      const ranges = await sql('scheduling', 'select 1 from opening_range where structure_id = $1 limit 1', [
        structureId,
      ]);
      expect(ranges).toHaveLength(1);
    }, 300_000);

    const phone = await harness.newPage({ viewport: VIEWPORTS.phone, isMobile: true });
    // The link Montfort's page publishes: the practice, and the site. The page is headed by the practice's name.
    await phone.goto(`${gatewayUrl}/rdv/${structureId}?site=${montfortId}`);
    await phone.getByRole('heading', { level: 1, name: site.practice }).waitFor();
    await phone.getByText('Prendre rendez-vous en ligne', { exact: true }).waitFor();
    const place = `Lieu : ${site.name} — ${site.address_line}, ${site.postal_code} ${site.city}`;
    await phone.getByText(place, { exact: true }).first().waitFor();
    await phone.getByRole('heading', { level: 2, name: 'Motif du rendez-vous' }).waitFor();
    const consultation = phone.getByRole('button', { name: /^Consultation\s*20 min/ });
    await consultation.waitFor();
    // Only the motifs open online: a long consultation or a home visit is booked by the desk.
    await expect(phone.getByRole('button', { name: /Visite à domicile/ }).count()).resolves.toBe(0);
    expect(await seriousAccessibilityViolations(phone)).toEqual([]);
    await fitsThePhone(phone);
    await harness.screenshot(phone, 'rdv-en-ligne-motif', { fullPage: true });
    await consultation.click();

    // The times, at the practice's hours (Paris) although the phone is in Montréal, grouped by practitioner.
    await phone.getByRole('heading', { level: 2, name: 'Date et heure' }).waitFor();
    const days = phone.getByRole('group', { name: 'Jour' }).getByRole('button');
    await days.first().waitFor({ timeout: 120_000 });
    const times = phone.getByRole('group', { name: /^Horaires du / });
    const groupHeadings = times.getByRole('heading', { level: 3 });
    await groupHeadings.first().waitFor({ timeout: 120_000 });
    for (const heading of await groupHeadings.allInnerTexts()) expect(physicians.has(heading)).toBe(true);
    // The patient looks for one practitioner: their times only, under their name.
    const chooser = phone.getByLabel('Praticien', { exact: true });
    const offered = (await chooser.locator('option').allInnerTexts()).filter((o) => o !== 'Tous les praticiens');
    expect(offered.length).toBeGreaterThan(1);
    const practitionerName = offered[0];
    expect(physicians.has(practitionerName)).toBe(true);
    await chooser.selectOption({ label: practitionerName });
    // A later day than the first offered: today's first time may fall within the motif's notice by the time it is sent.
    if ((await days.count()) > 1) await days.nth(1).click();
    await expect(groupHeadings.allInnerTexts()).resolves.toEqual([practitionerName]);
    await times.getByText(`Médecin généraliste · ${site.name}`).waitFor();
    const firstTime = times.getByRole('button').first();
    await firstTime.waitFor({ timeout: 120_000 });
    const timeLabel = await firstTime.innerText();
    expect(timeLabel).toMatch(/^\d{2}:\d{2}$/);
    // A screen reader hears who and where with the time.
    expect(await firstTime.getAttribute('aria-label')).toMatch(
      new RegExp(`à ${timeLabel}, avec ${literal(practitionerName)}, ${literal(site.name)}$`),
    );
    expect(await seriousAccessibilityViolations(phone)).toEqual([]);
    await fitsThePhone(phone);
    await harness.screenshot(phone, 'rdv-en-ligne-creneau', { fullPage: true });
    const box = await firstTime.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(44);
    await firstTime.click();

    // Who the patient is: a new patient of the practice. A phone number the platform refuses is said next to its field.
    await phone.getByRole('heading', { level: 2, name: 'Vos coordonnées' }).waitFor();
    await phone.getByText(`Avec ${practitionerName} — ${site.name}`, { exact: true }).waitFor();
    const lastName = `Kerhervé-${Date.now().toString(36)}`;
    await phone.getByRole('textbox', { name: /^Nom\b/ }).fill(lastName);
    await phone.getByRole('textbox', { name: /^Prénom/ }).fill('Solenn');
    await phone.getByLabel('Date de naissance').fill('1987-04-23');
    const phoneField = phone.getByRole('textbox', { name: /^Téléphone portable/ });
    await phoneField.fill('12');
    await phone.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await phone.getByText('Indiquez un numéro de téléphone valide, par exemple 06 12 34 56 78.').waitFor();
    await expect(phoneField.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await seriousAccessibilityViolations(phone)).toEqual([]);
    await fitsThePhone(phone);
    await harness.screenshot(phone, 'rdv-en-ligne-coordonnees', { fullPage: true });
    await phoneField.fill('06 23 45 67 89');
    await phone.getByRole('button', { name: 'Envoyer ma demande' }).click();

    // The answer: a request, the time held until the secretariat confirms it.
    await phone.getByRole('heading', { level: 2, name: 'Demande envoyée' }).waitFor({ timeout: 180_000 });
    await phone.getByText('Votre demande de rendez-vous a bien été envoyée.').waitFor();
    await phone.getByText(new RegExp(`^Consultation — .* à ${timeLabel}$`)).waitFor();
    // The confirmation recalls with whom, and where to go.
    const receipt = phone.getByRole('status');
    await receipt.getByText(`Avec ${practitionerName} (Médecin généraliste)`, { exact: true }).waitFor();
    await receipt.getByText(place, { exact: true }).waitFor();
    // And the site's desk, one tap away.
    await expect(receipt.getByRole('link').getAttribute('href')).resolves.toBe(`tel:${site.desk_phone}`);
    await phone.getByText(/Le secrétariat de la maison de santé va la confirmer/).waitFor();
    expect(await seriousAccessibilityViolations(phone)).toEqual([]);
    await fitsThePhone(phone);
    await harness.screenshot(phone, 'rdv-en-ligne-confirmation', { fullPage: true });

    // Scheduling holds the slot at Montfort for a pending request of a new patient, at the time the phone showed.
    const [request] = await sql<{ id: string; hold_id: string; identity: string; status: string }>(
      'scheduling',
      `select r.id, r.hold_id, r.identity, r.status from online_booking_request r where r.structure_id = $1`,
      [structureId],
    );
    expect(request).toMatchObject({ identity: 'new_patient', status: 'pending' });
    const [hold] = await sql<{
      status: string;
      site_id: string;
      practitioner_id: string;
      starts_at: Date;
      booked_by: string;
    }>('scheduling', 'select status, site_id, practitioner_id, starts_at, booked_by from appointment where id = $1', [
      request.hold_id,
    ]);
    // With the practitioner the page named.
    expect(hold).toMatchObject({
      status: 'held',
      site_id: montfortId,
      practitioner_id: physicians.get(practitionerName),
      booked_by: 'online',
    });
    expect(DateTime.fromJSDate(hold.starts_at, { zone: SITE_ZONE }).toFormat('HH:mm')).toBe(timeLabel);
    booked = { requestId: request.id, holdId: request.hold_id, startsAt: hold.starts_at, lastName };
    expect(harness.securityPolicyViolations).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  }, 480_000);

  it('the secretariat confirms the online request from the agenda, and the patient is booked', async () => {
    expect(booked).toBeDefined();
    const { page } = harness;
    await harness.signIn(page, 'secretariat@msp-lices.demo');
    await page.getByRole('combobox', { name: 'Site' }).click();
    await page.getByRole('option', { name: 'Montfort-sur-Meu' }).click();
    await page.getByRole('heading', { name: 'Agenda — Montfort-sur-Meu' }).waitFor();
    const requests = page.getByRole('region', { name: 'Demandes en ligne' });
    await requests.getByText('Nouveau patient (sera inscrit à la confirmation)').waitFor({ timeout: 120_000 });
    const parisTime = DateTime.fromJSDate(booked!.startsAt, { zone: SITE_ZONE }).toFormat('HH:mm');
    await requests.getByText(new RegExp(`${parisTime} · Consultation`)).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await requests.getByRole('button', { name: /^Confirmer/ }).click();
    await page.getByText(/^Demande confirmée : rendez-vous réservé le /).waitFor({ timeout: 180_000 });
    await requests.getByText('Aucune demande en ligne en attente.').waitFor();
    // The week of the appointment, with the patient registered from the online request.
    await page.locator('.fc-event', { hasText: booked!.lastName.toUpperCase() }).first().waitFor({ timeout: 30_000 });

    // Scheduling booked the held slot for the patient the directory registered from what was typed online.
    await expectEventually(async () => {
      const [appointment] = await sql<{ status: string; patient_id: string | null }>(
        'scheduling',
        'select status, patient_id from appointment where id = $1',
        [booked!.holdId],
      );
      expect(['booked', 'confirmed']).toContain(appointment.status);
      expect(appointment.patient_id).not.toBeNull();
    }, 30_000);
    const [request] = await sql<{ status: string }>(
      'scheduling',
      'select status from online_booking_request where id = $1',
      [booked!.requestId],
    );
    expect(request.status).toBe('confirmed');
    expect(harness.securityPolicyViolations).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  }, 420_000);
});

import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Kafka, Partitioners, type Producer } from 'kafkajs';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createEnvelope, eventDefinition, toKafkaRecord, type EventPayloads, type EventType } from '@msp/contracts';
import { Clock } from '@msp/service-kit';
import { expectEventually, testKafkaBrokers } from '@msp/testing';
import { ReminderDispatcherJob } from '../src/application/reminders/reminder-dispatcher.job';
import { APPOINTMENT, BOOK, CANCEL } from './fixtures/operations';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';
import { seedAgenda, siteTime, type SeededAgenda } from './fixtures/seed-agenda';

const JOIN = `mutation($input: JoinWaitlistInput!) { joinWaitlist(input: $input) { id } }`;
const TEMPLATES = `query($s: ID!) { patientMessageTemplates(structureId: $s) { kind subject body isDefault placeholders } }`;
const SET_TEMPLATE = `mutation($input: SetPatientMessageTemplateInput!) { setPatientMessageTemplate(input: $input) { kind isDefault updatedBy } }`;

/** A real SMTP server for the spec: every message it accepts, parsed. */
class TestSmtpServer {
  readonly mails: ParsedMail[] = [];
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<TestSmtpServer> {
    const holder: { smtp?: TestSmtpServer } = {};
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            holder.smtp?.mails.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.smtp = new TestSmtpServer(server, (server.server.address() as AddressInfo).port);
    return holder.smtp;
  }

  to(address: string): ParsedMail[] {
    return this.mails.filter((m) =>
      ([] as AddressObject[]).concat(m.to ?? []).some((to) => to.value.some((v) => v.address === address)),
    );
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('messages that reach patients: reminders by e-mail over SMTP, consent, cancellations, waitlist answer links (SCH-8, SCH-9)', () => {
  let smtp: TestSmtpServer;
  let scheduling: SchedulingTestApp;
  let paris: SeededAgenda;
  let martinique: SeededAgenda;
  let producer: Producer;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    scheduling = await SchedulingTestApp.start('scheduling_patient_messages', {
      REMINDER_DISPATCH_SECONDS: '3600',
      REMINDER_RULES: 'J-1',
      WAITLIST_OFFER_MINUTES: '60',
      NOTIFICATION_PROVIDERS: 'email',
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      SMTP_FROM: 'rappels@msp-lices.test',
    });
    paris = await seedAgenda(scheduling);
    martinique = await seedAgenda(scheduling, 'America/Martinique');
    const directory = scheduling.directory!;
    directory.sites.set(paris.siteId, {
      name: 'Les Lices',
      address: '1 place des Lices, 35000 Rennes',
      phoneLines: ['+33299000000'],
    });
    directory.sites.set(martinique.siteId, {
      name: 'Fort-de-France',
      address: '2 rue Victor Hugo, 97200 Fort-de-France',
      phoneLines: ['+596596000000'],
    });
    producer = new Kafka({ clientId: 'scheduling-spec-messages', brokers: testKafkaBrokers(), logLevel: 0 }).producer({
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await producer?.disconnect();
    await scheduling?.stop();
    await smtp?.stop();
  });

  async function publish<K extends EventType>(type: K, data: EventPayloads[K]): Promise<void> {
    const record = toKafkaRecord(createEnvelope(type, data, { source: '/msp/directory' }));
    await producer.send({
      topic: eventDefinition(type).topic,
      messages: [{ key: record.key, value: record.value, headers: record.headers }],
    });
  }

  /** A patient of the agenda's structure as the directory knows them, their consent told to scheduling by its event. */
  async function patient(agenda: SeededAgenda, consent: boolean, structureName = 'MSP des Lices') {
    const patientId = randomUUID();
    const email = `patient-${patientId.slice(0, 8)}@example.test`;
    scheduling.directory!.contacts.set(patientId, {
      structureId: agenda.structureId,
      structureName,
      consentToReminders: consent,
      phone: '+33612345678',
      email,
    });
    await publish('directory.patient.registered.v1', {
      patientId,
      structureId: agenda.structureId,
      consentToReminders: consent,
      registeredAt: new Date().toISOString(),
    });
    await expectEventually(async () =>
      expect(
        await scheduling.sql(`select consent from patient_reminder_consent where patient_id = $1`, [patientId]),
      ).toEqual([{ consent }]),
    );
    return { patientId, email };
  }

  const book = async (agenda: SeededAgenda, patientId: string, startsAt: string) =>
    (
      await scheduling.ok<{ bookAppointment: { id: string } }>(
        BOOK,
        { input: { practitionerId: agenda.gpId, siteId: agenda.siteId, motifId: agenda.motifId, patientId, startsAt } },
        agenda.as.secretary,
      )
    ).bookAppointment.id;
  const outbox = (appointmentId: string) =>
    scheduling.sql<{ id: string; kind: string; due_at: Date; status: string; last_error: string | null }>(
      `select id, kind, due_at, status, last_error from notification_outbox where appointment_id = $1 order by created_at`,
      [appointmentId],
    );
  /** The dispatcher's run at `instant` (the job runs every REMINDER_DISPATCH_SECONDS; here, when the spec says). */
  const dispatchAt = (instant: string) => {
    jest.spyOn(scheduling.get(Clock), 'now').mockReturnValue(new Date(instant));
    return scheduling.get(ReminderDispatcherJob).dispatch();
  };

  it('a J-1 reminder arrives as an e-mail on the SMTP server, at the same wall time the day before across the spring DST change, telling the local time', async () => {
    const { patientId, email } = await patient(paris, true);
    // Monday 29 March 2027, 09:00 in Rennes: the clocks went forward on Sunday 28 at 02:00 (CET +01:00 → CEST +02:00).
    const id = await book(paris, patientId, '2027-03-29T09:00:00+02:00');
    await expectEventually(async () => expect(await outbox(id)).toHaveLength(1));
    const [reminder] = await outbox(id);
    // The day before at the same wall time, 23 hours before: Sunday 09:00 CEST.
    expect(reminder.due_at.toISOString()).toBe('2027-03-28T07:00:00.000Z');

    await dispatchAt('2027-03-28T06:59:00Z');
    expect(smtp.to(email)).toEqual([]);
    await dispatchAt('2027-03-28T07:00:30Z');
    const [mail] = await expectEventually(async () => {
      const mails = smtp.to(email);
      expect(mails).toHaveLength(1);
      return mails;
    });
    expect(mail.subject).toBe('Rappel de votre rendez-vous du lundi 29 mars 2027 à 09h00');
    expect(mail.text).toContain(
      'Nous vous rappelons votre rendez-vous le lundi 29 mars 2027 à 09h00 à MSP des Lices, site Les Lices (1 place des Lices, 35000 Rennes).',
    );
    expect(mail.text).toContain("En cas d'empêchement, merci d'annuler en appelant le 02 99 00 00 00");
    expect(mail.from?.value).toEqual([{ name: 'MSP des Lices', address: 'rappels@msp-lices.test' }]);
    // The outbox row's id is the Message-ID: a message sent again after a lost acknowledgement is the same message.
    expect(mail.messageId).toBe(`<${reminder.id}@msp-lices.test>`);
    expect(await outbox(id)).toEqual([expect.objectContaining({ status: 'sent' })]);
    const [access] = scheduling.directory!.calls.filter((c) => c.includes(`/patients/${patientId}/contact`));
    expect(access).toBe(`GET /internal/structures/${paris.structureId}/patients/${patientId}/contact?purpose=reminder`);

    await dispatchAt('2027-03-28T07:05:00Z');
    expect(smtp.to(email)).toHaveLength(1);
  });

  it("an overseas site's reminder tells its own time (Martinique), in the text its administrator wrote", async () => {
    const refused = await scheduling.gql(
      SET_TEMPLATE,
      {
        input: {
          structureId: martinique.structureId,
          kind: 'APPOINTMENT_REMINDER',
          subject: 'Rendez-vous {date}',
          body: 'Rendez-vous le {date} à {heure} pour {motif}.',
          sms: 'RDV {date} {heure}',
        },
      },
      martinique.as.administrator,
    );
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.body' });
    const forbidden = await scheduling.gql(
      SET_TEMPLATE,
      {
        input: {
          structureId: martinique.structureId,
          kind: 'APPOINTMENT_REMINDER',
          subject: 'x',
          body: '{date} {heure}',
          sms: '{date} {heure}',
        },
      },
      martinique.as.secretary,
    );
    expect(forbidden.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const { setPatientMessageTemplate } = await scheduling.ok<{ setPatientMessageTemplate: unknown }>(
      SET_TEMPLATE,
      {
        input: {
          structureId: martinique.structureId,
          kind: 'APPOINTMENT_REMINDER',
          subject: 'Votre rendez-vous du {date}',
          body: 'Bonjour, {cabinet} vous attend le {date} à {heure} ({site}). Pour annuler : {telephone}.',
          sms: '{cabinet} : RDV {date} {heure}',
        },
      },
      martinique.as.administrator,
    );
    expect(setPatientMessageTemplate).toEqual({
      kind: 'APPOINTMENT_REMINDER',
      isDefault: false,
      updatedBy: martinique.as.administrator.memberId,
    });
    const { patientMessageTemplates } = await scheduling.ok<{
      patientMessageTemplates: Array<{ kind: string; isDefault: boolean }>;
    }>(TEMPLATES, { s: martinique.structureId }, martinique.as.administrator);
    expect(patientMessageTemplates.map((t) => [t.kind, t.isDefault])).toEqual([
      ['APPOINTMENT_REMINDER', false],
      ['WAITLIST_OFFER', true],
    ]);

    const { patientId, email } = await patient(martinique, true, 'MSP du Carbet');
    const id = await book(martinique, patientId, '2027-03-29T09:00:00-04:00');
    await expectEventually(async () => expect(await outbox(id)).toHaveLength(1));
    await dispatchAt('2027-03-28T13:00:30Z');
    const [mail] = await expectEventually(async () => {
      const mails = smtp.to(email);
      expect(mails).toHaveLength(1);
      return mails;
    });
    expect(mail.subject).toBe('Votre rendez-vous du lundi 29 mars 2027');
    expect(mail.text?.trim()).toBe(
      'Bonjour, MSP du Carbet vous attend le lundi 29 mars 2027 à 09h00 (Fort-de-France). Pour annuler : +596596000000.',
    );

    const { resetPatientMessageTemplate } = await scheduling.ok<{ resetPatientMessageTemplate: unknown }>(
      `mutation($s: ID!) { resetPatientMessageTemplate(structureId: $s, kind: APPOINTMENT_REMINDER) { kind isDefault subject } }`,
      { s: martinique.structureId },
      martinique.as.administrator,
    );
    expect(resetPatientMessageTemplate).toEqual({
      kind: 'APPOINTMENT_REMINDER',
      isDefault: true,
      subject: 'Rappel de votre rendez-vous du {date} à {heure}',
    });
    const otherStructure = await scheduling.gql(TEMPLATES, { s: martinique.structureId }, paris.as.administrator);
    expect(otherStructure.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('no e-mail for a patient without consent: none scheduled, and none sent when the directory says consent was withdrawn since', async () => {
    const refusing = await patient(paris, false);
    const refused = await book(paris, refusing.patientId, '2027-04-06T10:00:00+02:00');
    const withdrawn = await patient(paris, true);
    const id = await book(paris, withdrawn.patientId, '2027-04-06T11:00:00+02:00');
    await expectEventually(async () => expect(await outbox(id)).toHaveLength(1));
    // Withdrawn in the directory; its event has not reached scheduling yet: the directory's answer at send time decides.
    scheduling.directory!.contacts.get(withdrawn.patientId)!.consentToReminders = false;

    await dispatchAt('2027-04-05T09:30:00Z');
    expect(await outbox(refused)).toEqual([]);
    expect(await outbox(id)).toEqual([
      expect.objectContaining({ status: 'skipped', last_error: 'the patient no longer consents to reminders' }),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.to(refusing.email)).toEqual([]);
    expect(smtp.to(withdrawn.email)).toEqual([]);
  });

  it("a cancelled appointment's reminder is never sent: whether or not its cancellation reached the outbox first", async () => {
    const { patientId, email } = await patient(paris, true);
    const settled = await book(paris, patientId, '2027-04-13T10:00:00+02:00');
    const racing = await book(paris, patientId, '2027-04-13T11:00:00+02:00');
    await expectEventually(async () => expect(await outbox(settled)).toHaveLength(1));
    await expectEventually(async () => expect(await outbox(racing)).toHaveLength(1));
    const cancel = (appointmentId: string) =>
      scheduling.ok(CANCEL, { input: { appointmentId, reason: 'PATIENT_REQUEST' } }, paris.as.secretary);
    await cancel(settled);
    await expectEventually(async () =>
      expect(await outbox(settled)).toEqual([expect.objectContaining({ status: 'cancelled' })]),
    );
    // Cancelled, and the dispatcher runs before the cancelled event is consumed: the row is still `scheduled`.
    await scheduling.sql(`update appointment set status = 'cancelled', cancelled_at = now() where id = $1`, [racing]);

    await dispatchAt('2027-04-12T09:30:00Z');
    expect((await outbox(racing)).map((r) => r.status)).toEqual(['skipped']);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.to(email)).toEqual([]);
  });

  it('a waitlist offer arrives by e-mail with links that open the answer page; accepting books the waiting patient, declining frees the slot', async () => {
    const [accepting, declining] = [await patient(paris, false), await patient(paris, false)];
    const join = (patientId: string) =>
      scheduling.ok(
        JOIN,
        {
          input: {
            structureId: paris.structureId,
            patientId,
            motifId: paris.motifId,
            practitionerId: paris.gpId,
            before: siteTime(paris, 30, '12:00').slice(0, 10),
          },
        },
        paris.as.secretary,
      );
    await join(accepting.patientId);
    const offerMail = async (
      waiting: { patientId: string; email: string },
      startsAt: string,
    ): Promise<{ accept: string; decline: string; holdId: string; mail: ParsedMail }> => {
      const leaving = await book(paris, randomUUID(), startsAt);
      await scheduling.ok(CANCEL, { input: { appointmentId: leaving, reason: 'PATIENT_REQUEST' } }, paris.as.secretary);
      const [offer] = await expectEventually(async () => {
        const rows = await scheduling.sql<{ id: string; hold_id: string }>(
          `select o.id, o.hold_id from waitlist_offer o join waitlist_entry e on e.id = o.entry_id
            where e.patient_id = $1 and o.starts_at = $2`,
          [waiting.patientId, new Date(startsAt)],
        );
        expect(rows).toHaveLength(1);
        return rows;
      });
      expect(await scheduling.get(ReminderDispatcherJob).dispatch()).toMatchObject({ sent: 1 });
      const [mail] = await expectEventually(async () => {
        const mails = smtp.to(waiting.email);
        expect(mails).toHaveLength(1);
        return mails;
      });
      const links = [...(mail.text ?? '').matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
      return {
        accept: links.find((l) => l.endsWith('?reponse=accepter'))!,
        decline: links.find((l) => l.endsWith('?reponse=refuser'))!,
        holdId: offer.hold_id,
        mail,
      };
    };

    const first = await offerMail(accepting, siteTime(paris, 6, '09:00'));
    expect(first.mail.subject).toMatch(/^Un rendez-vous plus tôt vous est proposé le .+ à 09h00$/);
    expect(first.accept.startsWith(`${scheduling.publicUrl}/public/waitlist-offers/`)).toBe(true);
    // The token left the outbox with the message: only its hash stays, on the offer.
    expect(
      await scheduling.sql(`select link_token from notification_outbox where appointment_id = $1`, [first.holdId]),
    ).toEqual([{ link_token: null }]);

    // Opening the link (as a mail scanner would) answers nothing: it shows the slot and a button.
    const page = await fetch(first.accept);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Un rendez-vous plus tôt vous est proposé');
    const action = /<form method="post" action="([^"]+)">/.exec(html)![1];
    expect(action).toMatch(/\/accept$/);
    expect(html).not.toContain('/decline"');
    expect(
      (await scheduling.ok<{ appointment: { status: string } }>(APPOINTMENT, { id: first.holdId }, paris.as.secretary))
        .appointment.status,
    ).toBe('HELD');

    const accepted = await fetch(new URL(action, first.accept), { method: 'POST' });
    expect(accepted.status).toBe(200);
    expect(await accepted.text()).toContain('Rendez-vous confirmé');
    expect(
      (await scheduling.ok<{ appointment: unknown }>(APPOINTMENT, { id: first.holdId }, paris.as.secretary))
        .appointment,
    ).toEqual({ id: first.holdId, status: 'CONFIRMED', patientId: accepting.patientId });
    const again = await fetch(new URL(action, first.accept), { method: 'POST' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Proposition déjà traitée');

    await join(declining.patientId);
    const second = await offerMail(declining, siteTime(paris, 7, '10:00'));
    const declinePage = await (await fetch(second.decline)).text();
    const declineAction = /<form method="post" action="([^"]+)">/.exec(declinePage)![1];
    expect(declineAction).toMatch(/\/decline$/);
    const declined = await fetch(new URL(declineAction, second.decline), { method: 'POST' });
    expect(declined.status).toBe(200);
    expect(await declined.text()).toContain('Vous restez sur la liste d’attente');
    expect((await scheduling.sql(`select status from appointment where id = $1`, [second.holdId]))[0]).toEqual({
      status: 'cancelled',
    });

    const unknown = await fetch(`${scheduling.publicUrl}/public/waitlist-offers/${'A'.repeat(43)}?reponse=accepter`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Lien inconnu');
  });
});

import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { Kafka, Partitioners, type Producer } from 'kafkajs';
import { createEnvelope, eventDefinition, toKafkaRecord, type EventPayloads, type EventType } from '@msp/contracts';
import { expectEventually, testKafkaBrokers } from '@msp/testing';
import { ReminderDispatcherJob } from '../src/application/reminders/reminder-dispatcher.job';
import { LogNotificationProvider } from '../src/infrastructure/notifications/log-notification.provider';
import { NotificationProvider } from '../src/application/ports/notification-provider';
import { ReminderRepository } from '../src/application/ports/reminder.repository';
import { BOOK, CANCEL } from './fixtures/operations';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';
import { seedAgenda, siteTime, type SeededAgenda } from './fixtures/seed-agenda';

const RESCHEDULE = `mutation($input: RescheduleAppointmentInput!) { rescheduleAppointment(input: $input) { id startsAt } }`;
const NO_SHOWS = `query($input: NoShowRateInput!) { noShowRates(input: $input) { practitionerId month completed noShows rate } }`;

interface Reminder {
  rule: string;
  due_at: Date;
  status: string;
  attempts: number;
}

describe('reminders through the notification outbox, and the no-show rate (SCH-8)', () => {
  let scheduling: SchedulingTestApp;
  let agenda: SeededAgenda;
  let producer: Producer;
  const consenting = randomUUID();

  beforeAll(async () => {
    scheduling = await SchedulingTestApp.start('scheduling_reminders', { REMINDER_DISPATCH_SECONDS: '3600' });
    agenda = await seedAgenda(scheduling);
    producer = new Kafka({ clientId: 'scheduling-spec-reminders', brokers: testKafkaBrokers(), logLevel: 0 }).producer({
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    await publish('directory.patient.registered.v1', {
      patientId: consenting,
      structureId: agenda.structureId,
      consentToReminders: true,
      registeredAt: new Date().toISOString(),
    });
    await expectEventually(async () =>
      expect(
        await scheduling.sql(`select consent from patient_reminder_consent where patient_id = $1`, [consenting]),
      ).toEqual([{ consent: true }]),
    );
  });

  afterAll(async () => {
    await producer?.disconnect();
    await scheduling?.stop();
  });

  async function publish<K extends EventType>(type: K, data: EventPayloads[K]): Promise<void> {
    const record = toKafkaRecord(createEnvelope(type, data, { source: '/msp/directory' }));
    await producer.send({
      topic: eventDefinition(type).topic,
      messages: [{ key: record.key, value: record.value, headers: record.headers }],
    });
  }

  const book = async (patientId: string, startsAt: string) =>
    (
      await scheduling.ok<{ bookAppointment: { id: string } }>(
        BOOK,
        { input: { practitionerId: agenda.gpId, siteId: agenda.siteId, motifId: agenda.motifId, patientId, startsAt } },
        agenda.as.secretary,
      )
    ).bookAppointment.id;
  const reminders = (appointmentId: string) =>
    scheduling.sql<Reminder>(
      `select rule, due_at, status, attempts from notification_outbox where appointment_id = $1 order by due_at`,
      [appointmentId],
    );
  const local = (instant: Date) =>
    DateTime.fromJSDate(instant, { zone: 'Europe/Paris' }).toFormat("yyyy-MM-dd'T'HH:mm ZZ");
  /** Waits until scheduling has consumed the booked event of an appointment. */
  const consumed = (appointmentId: string) =>
    expectEventually(async () => {
      const rows = await scheduling.sql(
        `select 1 from inbox_message i join outbox_message o on o.event_id::text = i.event_id::text where o.event_type = 'scheduling.appointment.booked.v1' and o.message_key = $1`,
        [appointmentId],
      );
      expect(rows).toHaveLength(1);
    });

  it('booking schedules J-1 and H-2 at the right local times across the spring DST change', async () => {
    const id = await book(consenting, '2027-03-28T10:00:00+02:00');
    await expectEventually(async () => expect(await reminders(id)).toHaveLength(2));
    const [j1, h2] = await reminders(id);
    expect([j1.rule, local(j1.due_at), j1.status]).toEqual(['J-1', '2027-03-27T10:00 +01:00', 'scheduled']);
    expect([h2.rule, local(h2.due_at), h2.status]).toEqual(['H-2', '2027-03-28T08:00 +02:00', 'scheduled']);
  });

  it('no reminder for a patient who has not consented (unknown consent counts as no)', async () => {
    const id = await book(randomUUID(), siteTime(agenda, 3, '10:00'));
    await consumed(id);
    expect(await reminders(id)).toEqual([]);
  });

  it('cancelling the appointment cancels its reminders', async () => {
    const id = await book(consenting, siteTime(agenda, 4, '10:00'));
    await expectEventually(async () => expect(await reminders(id)).toHaveLength(2));
    await scheduling.ok(CANCEL, { input: { appointmentId: id, reason: 'PATIENT_REQUEST' } }, agenda.as.secretary);
    await expectEventually(async () =>
      expect((await reminders(id)).map((r) => r.status)).toEqual(['cancelled', 'cancelled']),
    );
  });

  it('moving the appointment moves its reminders (the old ones are cancelled)', async () => {
    const id = await book(consenting, siteTime(agenda, 7, '10:00'));
    await expectEventually(async () => expect(await reminders(id)).toHaveLength(2));
    const moved = siteTime(agenda, 8, '15:00');
    await scheduling.ok(RESCHEDULE, { input: { appointmentId: id, startsAt: moved } }, agenda.as.secretary);
    await expectEventually(async () => {
      const rows = await reminders(id);
      expect(rows.filter((r) => r.status === 'cancelled')).toHaveLength(2);
      expect(rows.filter((r) => r.status === 'scheduled').map((r) => [r.rule, r.due_at.toISOString()])).toEqual([
        ['J-1', new Date(siteTime(agenda, 7, '15:00')).toISOString()],
        ['H-2', new Date(new Date(moved).getTime() - 2 * 3_600_000).toISOString()],
      ]);
    });
  });

  it('the job sends a due reminder once, through the provider, and retries a failed one later', async () => {
    const id = await book(consenting, siteTime(agenda, 5, '10:00'));
    await expectEventually(async () => expect(await reminders(id)).toHaveLength(2));
    const provider = scheduling.app.get<LogNotificationProvider>(NotificationProvider);
    const send = jest.spyOn(provider, 'send');
    await scheduling.sql(
      `update notification_outbox set next_attempt_at = now() - interval '1 second' where appointment_id = $1 and rule = 'J-1'`,
      [id],
    );
    const job = scheduling.get(ReminderDispatcherJob);
    expect(await job.dispatch()).toEqual({ sent: 1, skipped: 0, failed: 0 });
    expect(await job.dispatch()).toEqual({ sent: 0, skipped: 0, failed: 0 });
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0][0]).toMatchObject({ appointmentId: id, patientId: consenting, rule: 'J-1' });
    const [sent] = await scheduling.sql<{ status: string; provider: string }>(
      `select status, provider from notification_outbox where appointment_id = $1 and rule = 'J-1'`,
      [id],
    );
    expect(sent).toEqual({ status: 'sent', provider: 'log' });

    send.mockRejectedValueOnce(new Error('gateway timeout'));
    await scheduling.sql(
      `update notification_outbox set next_attempt_at = now() - interval '1 second' where appointment_id = $1 and rule = 'H-2'`,
      [id],
    );
    expect(await job.dispatch()).toEqual({ sent: 0, skipped: 0, failed: 1 });
    const [retry] = await scheduling.sql<{ status: string; attempts: number; last_error: string; later: boolean }>(
      `select status, attempts, last_error, next_attempt_at > now() as later from notification_outbox where appointment_id = $1 and rule = 'H-2'`,
      [id],
    );
    expect(retry).toEqual({ status: 'scheduled', attempts: 1, last_error: 'gateway timeout', later: true });
    send.mockRestore();
  });

  it('withdrawn consent cancels pending reminders', async () => {
    const patient = randomUUID();
    await publish('directory.patient.updated.v1', {
      patientId: patient,
      structureId: agenda.structureId,
      changes: ['reminder_consent'],
      consentToReminders: true,
      updatedAt: new Date().toISOString(),
    });
    await expectEventually(async () =>
      expect(
        await scheduling.sql(`select consent from patient_reminder_consent where patient_id = $1`, [patient]),
      ).toEqual([{ consent: true }]),
    );
    const id = await book(patient, siteTime(agenda, 6, '10:00'));
    await expectEventually(async () => expect(await reminders(id)).toHaveLength(2));
    await publish('directory.patient.updated.v1', {
      patientId: patient,
      structureId: agenda.structureId,
      changes: ['reminder_consent'],
      consentToReminders: false,
      updatedAt: new Date().toISOString(),
    });
    await expectEventually(async () =>
      expect((await reminders(id)).map((r) => r.status)).toEqual(['cancelled', 'cancelled']),
    );
  });

  it('an appointment moved away and back to its time gets its reminders again', async () => {
    const first = siteTime(agenda, 9, '10:00');
    const id = await book(consenting, first);
    await expectEventually(async () => expect(await reminders(id)).toHaveLength(2));
    await scheduling.ok(
      RESCHEDULE,
      { input: { appointmentId: id, startsAt: siteTime(agenda, 10, '15:00') } },
      agenda.as.secretary,
    );
    await expectEventually(async () => expect(await reminders(id)).toHaveLength(4));
    await scheduling.ok(RESCHEDULE, { input: { appointmentId: id, startsAt: first } }, agenda.as.secretary);
    await expectEventually(async () => {
      const scheduled = (await reminders(id)).filter((r) => r.status === 'scheduled');
      expect(scheduled.map((r) => r.rule)).toEqual(['J-1', 'H-2']);
      expect(scheduled[1].due_at.toISOString()).toBe(new Date(new Date(first).getTime() - 2 * 3_600_000).toISOString());
    });
  });

  it('consent withdrawn and given again brings the reminders back', async () => {
    const patient = randomUUID();
    const consent = (consentToReminders: boolean) =>
      publish('directory.patient.updated.v1', {
        patientId: patient,
        structureId: agenda.structureId,
        changes: ['reminder_consent'],
        consentToReminders,
        updatedAt: new Date().toISOString(),
      });
    await consent(true);
    await expectEventually(async () =>
      expect(
        await scheduling.sql(`select consent from patient_reminder_consent where patient_id = $1`, [patient]),
      ).toEqual([{ consent: true }]),
    );
    const id = await book(patient, siteTime(agenda, 11, '10:00'));
    await expectEventually(async () => expect(await reminders(id)).toHaveLength(2));
    await consent(false);
    await expectEventually(async () =>
      expect((await reminders(id)).map((r) => r.status)).toEqual(['cancelled', 'cancelled']),
    );
    await consent(true);
    await expectEventually(async () =>
      expect((await reminders(id)).map((r) => r.status).sort()).toEqual([
        'cancelled',
        'cancelled',
        'scheduled',
        'scheduled',
      ]),
    );
  });

  it('a failed mark after a send does not re-send the batch: only the unmarked reminder goes again, with the same key, once its lease ends', async () => {
    const id = await book(consenting, siteTime(agenda, 12, '10:00'));
    await expectEventually(async () => expect(await reminders(id)).toHaveLength(2));
    const provider = scheduling.app.get<LogNotificationProvider>(NotificationProvider);
    const send = jest.spyOn(provider, 'send');
    const repository = scheduling.app.get<ReminderRepository>(ReminderRepository);
    const markSentForReal = repository.markSent.bind(repository);
    const markSent = jest.spyOn(repository, 'markSent');
    const [j1, h2] = await scheduling.sql<{ id: string }>(
      `select id from notification_outbox where appointment_id = $1 and status = 'scheduled' order by due_at`,
      [id],
    );
    try {
      await scheduling.sql(
        `update notification_outbox set next_attempt_at = now() - interval '1 second' where appointment_id = $1 and status = 'scheduled'`,
        [id],
      );
      // The send of H-2 succeeds, but recording it fails (the commit is lost).
      markSent.mockImplementation(async (reminderId, ...rest) => {
        if (reminderId === h2.id) throw new Error('connection terminated');
        return markSentForReal(reminderId, ...rest);
      });
      const job = scheduling.get(ReminderDispatcherJob);
      await job.dispatch();
      expect(send.mock.calls.map(([m]) => m.notificationId).sort()).toEqual([j1.id, h2.id].sort());
      const status = async () =>
        Object.fromEntries(
          (
            await scheduling.sql<{ id: string; status: string }>(
              `select id, status from notification_outbox where id = any($1)`,
              [[j1.id, h2.id]],
            )
          ).map((r) => [r.id, r.status]),
        );
      expect(await status()).toEqual({ [j1.id]: 'sent', [h2.id]: 'sending' });
      markSent.mockRestore();
      send.mockClear();
      // Within the lease nothing goes again.
      await job.dispatch();
      expect(send).not.toHaveBeenCalled();
      // The lease ended (the sender crashed): only H-2 goes again, with its own id as idempotency key.
      await scheduling.sql(
        `update notification_outbox set next_attempt_at = now() - interval '1 second' where id = $1`,
        [h2.id],
      );
      await job.dispatch();
      expect(send.mock.calls.map(([m]) => m.notificationId)).toEqual([h2.id]);
      expect(await status()).toEqual({ [j1.id]: 'sent', [h2.id]: 'sent' });
    } finally {
      markSent.mockRestore();
      send.mockRestore();
    }
  });

  it('a claimed reminder is leased for the configured time', async () => {
    const id = await book(consenting, siteTime(agenda, 13, '10:00'));
    await expectEventually(async () => expect(await reminders(id)).toHaveLength(2));
    const provider = scheduling.app.get<LogNotificationProvider>(NotificationProvider);
    let leased: unknown;
    const send = jest.spyOn(provider, 'send').mockImplementation(async (message) => {
      [leased] = await scheduling.sql(
        `select status, round(extract(epoch from next_attempt_at - now()))::int as lease from notification_outbox where id = $1`,
        [message.notificationId],
      );
      return { providerMessageId: 'x' };
    });
    try {
      await scheduling.sql(
        `update notification_outbox set next_attempt_at = now() - interval '1 second' where appointment_id = $1 and rule = 'J-1'`,
        [id],
      );
      expect(await scheduling.get(ReminderDispatcherJob).dispatch()).toEqual({ sent: 1, skipped: 0, failed: 0 });
      expect(leased).toEqual({ status: 'sending', lease: expect.any(Number) });
      expect(Math.abs((leased as { lease: number }).lease - 300)).toBeLessThanOrEqual(5);
    } finally {
      send.mockRestore();
    }
  });

  it('no-show rate per practitioner and month of the site calendar: no_show / (done + no_show)', async () => {
    const insert = (practitionerId: string, startsAt: string, status: string) =>
      scheduling.sql(
        `insert into appointment (id, structure_id, site_id, practitioner_id, patient_id, motif_id, starts_at, ends_at, status, booked_by, booked_by_actor)
         values ($1, $2, $3, $4, $5, $6, $7, $7::timestamptz + interval '20 minutes', $8, 'staff', 'spec')`,
        [
          randomUUID(),
          agenda.structureId,
          agenda.siteId,
          practitionerId,
          randomUUID(),
          agenda.motifId,
          startsAt,
          status,
        ],
      );
    await insert(agenda.gpId, '2026-10-31T23:30:00Z', 'no_show'); // 00:30 on 1 November in Paris
    await insert(agenda.gpId, '2026-11-03T09:00:00Z', 'done');
    await insert(agenda.gpId, '2026-11-04T09:00:00Z', 'done');
    await insert(agenda.gpId, '2026-11-05T09:00:00Z', 'done');
    await insert(agenda.gpId, '2026-10-05T09:00:00Z', 'no_show');
    await insert(agenda.colleagueId, '2026-11-05T09:00:00Z', 'done');
    const input = { structureId: agenda.structureId, fromMonth: '2026-10', toMonth: '2026-11' };
    const { noShowRates } = await scheduling.ok<{ noShowRates: unknown[] }>(
      NO_SHOWS,
      { input },
      agenda.as.administrator,
    );
    expect(noShowRates).toEqual(
      expect.arrayContaining([
        { practitionerId: agenda.gpId, month: '2026-10', completed: 0, noShows: 1, rate: 1 },
        { practitionerId: agenda.gpId, month: '2026-11', completed: 3, noShows: 1, rate: 0.25 },
        { practitionerId: agenda.colleagueId, month: '2026-11', completed: 1, noShows: 0, rate: 0 },
      ]),
    );
    const own = await scheduling.ok<{ noShowRates: Array<{ practitionerId: string }> }>(
      NO_SHOWS,
      { input },
      agenda.as.practitioner,
    );
    expect(new Set(own.noShowRates.map((r) => r.practitionerId))).toEqual(new Set([agenda.gpId]));
    const bad = await scheduling.gql(NO_SHOWS, { input: { ...input, fromMonth: '2026-13' } }, agenda.as.administrator);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.fromMonth' });
  });
});

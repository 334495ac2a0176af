import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { Clock } from '@msp/service-kit';
import { COMPLETE, MARK_ARRIVED, MARK_NO_SHOW, START_CONSULTATION } from './fixtures/agenda-operations';
import { BOOK, CANCEL, HOLD } from './fixtures/operations';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';
import { seedAgenda, siteTime, type SeededAgenda } from './fixtures/seed-agenda';

type Step = { id: string; status: string };

describe('an appointment goes through its day: arrived, in consultation, done, or no-show (SCH-6)', () => {
  let scheduling: SchedulingTestApp;
  let agenda: SeededAgenda;
  let day = 2;

  beforeAll(async () => {
    scheduling = await SchedulingTestApp.start('scheduling_lifecycle');
    agenda = await seedAgenda(scheduling);
  });

  afterEach(() => jest.restoreAllMocks());
  afterAll(() => scheduling?.stop());

  /** Books a fresh appointment, each test on its own day. */
  async function book(time = '09:00'): Promise<{ id: string; startsAt: string }> {
    day++;
    const input = {
      practitionerId: agenda.gpId,
      siteId: agenda.siteId,
      motifId: agenda.motifId,
      patientId: agenda.patientId,
      startsAt: siteTime(agenda, day, time),
    };
    const { bookAppointment } = await scheduling.ok<{ bookAppointment: { id: string } }>(
      BOOK,
      { input },
      agenda.as.secretary,
    );
    return { id: bookAppointment.id, startsAt: input.startsAt };
  }
  /** Moves the service's clock to a wall time of the site on the appointment's day. */
  const clockAt = (time: string) => {
    const [hour, minute] = time.split(':').map(Number);
    const now = DateTime.now()
      .setZone(agenda.timeZone)
      .plus({ days: day })
      .set({ hour, minute, second: 0, millisecond: 0 })
      .toJSDate();
    jest.spyOn(scheduling.get(Clock), 'now').mockReturnValue(now);
    return now;
  };
  const step = async (mutation: string, id: string, user = agenda.as.secretary) =>
    Object.values(await scheduling.ok<Record<string, Step>>(mutation, { input: { appointmentId: id } }, user))[0];
  const refusal = async (mutation: string, id: string, user = agenda.as.secretary) =>
    (await scheduling.gql(mutation, { input: { appointmentId: id } }, user)).errors?.[0];
  const eventFor = async (type: string, id: string) =>
    (await scheduling.events(type)).filter((e) => e.appointmentId === id);

  it('arrived → in consultation → done, each recorded as an event with the appointment facts', async () => {
    const { id, startsAt } = await book();
    const arrivedAt = clockAt('08:52');
    expect(await step(MARK_ARRIVED, id)).toMatchObject({ id, status: 'ARRIVED' });
    clockAt('09:03');
    expect(await step(START_CONSULTATION, id, agenda.as.practitioner)).toMatchObject({ status: 'IN_CONSULTATION' });
    clockAt('09:21');
    expect(await step(COMPLETE, id, agenda.as.practitioner)).toMatchObject({ status: 'DONE' });
    const facts = {
      appointmentId: id,
      structureId: agenda.structureId,
      siteId: agenda.siteId,
      practitionerId: agenda.gpId,
      patientId: agenda.patientId,
      motifId: agenda.motifId,
    };
    expect(await eventFor('scheduling.appointment.arrived.v1', id)).toEqual([
      {
        ...facts,
        startsAt: new Date(startsAt).toISOString(),
        endsAt: expect.any(String),
        arrivedAt: arrivedAt.toISOString(),
      },
    ]);
    expect(await eventFor('scheduling.appointment.consultation-started.v1', id)).toEqual([
      expect.objectContaining({ ...facts, startedAt: expect.any(String) }),
    ]);
    expect(await eventFor('scheduling.appointment.completed.v1', id)).toEqual([
      expect.objectContaining({ ...facts, completedAt: expect.any(String) }),
    ]);
    const [row] = await scheduling.sql<{ status: string }>(`select status from appointment where id = $1`, [id]);
    expect(row.status).toBe('done');
  });

  it('an arrived patient may be seen without a separate consultation start: arrived → done', async () => {
    const { id } = await book();
    clockAt('09:00');
    await step(MARK_ARRIVED, id);
    expect(await step(COMPLETE, id)).toMatchObject({ status: 'DONE' });
  });

  it('refuses steps out of order with INVALID_TRANSITION, and writes nothing', async () => {
    const { id } = await book();
    clockAt('09:00');
    const [before] = await scheduling.sql<{ n: string }>(`select count(*) n from outbox_message`);
    for (const mutation of [START_CONSULTATION, COMPLETE]) {
      expect((await refusal(mutation, id))?.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'SCHEDULING.INVALID_TRANSITION',
      });
    }
    expect((await refusal(START_CONSULTATION, id))?.message).toBe(
      'An appointment that is booked cannot become in_consultation',
    );
    await step(MARK_ARRIVED, id);
    expect((await refusal(MARK_ARRIVED, id))?.extensions?.reason).toBe('SCHEDULING.INVALID_TRANSITION');
    expect((await refusal(MARK_NO_SHOW, id))?.message).toBe('An appointment that is arrived cannot become no_show');
    const [after] = await scheduling.sql<{ n: string }>(`select count(*) n from outbox_message`);
    expect(Number(after.n)).toBe(Number(before.n) + 1); // the arrival only
  });

  it('a no-show once the appointment has started, not before; then it is final', async () => {
    const { id } = await book('10:00');
    clockAt('09:59');
    expect((await refusal(MARK_NO_SHOW, id))?.message).toMatch(/cannot be marked no-show before it starts/);
    const markedAt = clockAt('10:15');
    expect(await step(MARK_NO_SHOW, id)).toMatchObject({ status: 'NO_SHOW' });
    expect(await eventFor('scheduling.appointment.no-show.v1', id)).toEqual([
      expect.objectContaining({ appointmentId: id, patientId: agenda.patientId, markedAt: markedAt.toISOString() }),
    ]);
    const cancel = await scheduling.gql(CANCEL, { input: { appointmentId: id, reason: 'OTHER' } }, agenda.as.secretary);
    expect(cancel.errors?.[0].extensions?.reason).toBe('SCHEDULING.INVALID_TRANSITION');
    expect((await refusal(MARK_ARRIVED, id))?.extensions?.reason).toBe('SCHEDULING.INVALID_TRANSITION');
  });

  it("no arrival before the appointment's local day", async () => {
    const { id } = await book();
    day--;
    clockAt('23:59'); // the evening before, site time
    day++;
    expect((await refusal(MARK_ARRIVED, id))?.message).toMatch(/cannot become arrived before its day/);
  });

  it('a hold cannot arrive: it must be confirmed first', async () => {
    day++;
    const input = {
      practitionerId: agenda.gpId,
      siteId: agenda.siteId,
      motifId: agenda.motifId,
      startsAt: siteTime(agenda, day, '09:00'),
    };
    const { holdSlot } = await scheduling.ok<{ holdSlot: { id: string } }>(HOLD, { input }, agenda.as.secretary);
    clockAt('09:00');
    expect((await refusal(MARK_ARRIVED, holdSlot.id))?.message).toBe(
      'An appointment that is held cannot become arrived',
    );
  });

  it('booking staff of the site and the practitioner may; a coordinator, another site and another structure may not', async () => {
    const { id } = await book();
    clockAt('09:00');
    expect((await refusal(MARK_ARRIVED, id, agenda.as.coordinator))?.extensions?.code).toBe('FORBIDDEN');
    const elsewhere = {
      memberId: randomUUID(),
      memberships: [{ structureId: agenda.structureId, roles: ['secretary' as const], siteIds: [randomUUID()] }],
    };
    expect((await refusal(MARK_ARRIVED, id, elsewhere))?.extensions?.code).toBe('FORBIDDEN');
    const stranger = {
      memberId: randomUUID(),
      memberships: [{ structureId: randomUUID(), roles: ['secretary' as const], siteIds: [agenda.siteId] }],
    };
    expect((await refusal(MARK_ARRIVED, id, stranger))?.extensions?.code).toBe('NOT_FOUND');
    expect(await step(MARK_ARRIVED, id, agenda.as.medical_assistant)).toMatchObject({ status: 'ARRIVED' });
    expect(await step(START_CONSULTATION, id, agenda.as.practitioner)).toMatchObject({ status: 'IN_CONSULTATION' });
  });

  describe('an exam to chase, asked for by the practitioner when completing', () => {
    const complete = (id: string, followUp: Record<string, unknown>, user = agenda.as.practitioner) =>
      scheduling.gql<{ completeAppointment: Step }>(COMPLETE, { input: { appointmentId: id, followUp } }, user);
    const statusOf = async (id: string) =>
      (await scheduling.sql<{ status: string }>(`select status from appointment where id = $1`, [id]))[0].status;

    it('is recorded in the completion event, for delegation to chase', async () => {
      const { id } = await book();
      clockAt('09:00');
      await step(MARK_ARRIVED, id);
      const completedAt = clockAt('09:21');
      const dueBy = DateTime.fromJSDate(completedAt).plus({ days: 14 }).toUTC().toISO()!;
      const { data, errors } = await complete(id, { exam: 'BIOLOGY', dueBy });
      expect(errors).toBeUndefined();
      expect(data?.completeAppointment).toMatchObject({ id, status: 'DONE' });
      expect(await eventFor('scheduling.appointment.completed.v1', id)).toEqual([
        expect.objectContaining({
          appointmentId: id,
          completedAt: completedAt.toISOString(),
          followUp: { kind: 'exam_to_chase', exam: 'biology', dueBy: new Date(dueBy).toISOString() },
        }),
      ]);
    });

    it('is refused when due before the completion or more than 366 days after, naming input.followUp.dueBy; the appointment stays as it was', async () => {
      const { id } = await book();
      clockAt('09:00');
      await step(MARK_ARRIVED, id);
      const completedAt = clockAt('09:21');
      const [before] = await scheduling.sql<{ n: string }>(`select count(*) n from outbox_message`);
      for (const dueBy of [
        DateTime.fromJSDate(completedAt).minus({ hours: 1 }).toISO(),
        DateTime.fromJSDate(completedAt).plus({ days: 367 }).toISO(),
        'in two weeks',
      ]) {
        const { errors } = await complete(id, { exam: 'IMAGING', dueBy });
        expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.followUp.dueBy' });
      }
      expect(await statusOf(id)).toBe('arrived');
      const [after] = await scheduling.sql<{ n: string }>(`select count(*) n from outbox_message`);
      expect(Number(after.n)).toBe(Number(before.n));

      // Without a follow-up, the same appointment completes, and its event asks for nothing.
      expect(await step(COMPLETE, id, agenda.as.practitioner)).toMatchObject({ status: 'DONE' });
      const [event] = await eventFor('scheduling.appointment.completed.v1', id);
      expect(event).not.toHaveProperty('followUp');
    });

    it('is refused to booking staff who are not practitioners (FORBIDDEN), who may still complete without one', async () => {
      const { id } = await book();
      clockAt('09:00');
      await step(MARK_ARRIVED, id);
      const completedAt = clockAt('09:21');
      const dueBy = DateTime.fromJSDate(completedAt).plus({ days: 7 }).toISO();
      const { errors } = await complete(id, { exam: 'BIOLOGY', dueBy }, agenda.as.secretary);
      expect(errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'AUTH.FORBIDDEN' });
      expect(await statusOf(id)).toBe('arrived');
      expect(await eventFor('scheduling.appointment.completed.v1', id)).toEqual([]);
      expect(await step(COMPLETE, id, agenda.as.secretary)).toMatchObject({ status: 'DONE' });
    });
  });

  it('names the field of a bad or unknown id', async () => {
    expect((await refusal(MARK_ARRIVED, 'rdv-12'))?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.appointmentId',
    });
    expect((await refusal(MARK_ARRIVED, randomUUID()))?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.appointmentId',
    });
  });
});

import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { Clock } from '@msp/service-kit';
import { MARK_ARRIVED, RESCHEDULE } from './fixtures/agenda-operations';
import { BOOK, CANCEL, DECLARE_ABSENCE, HOLD } from './fixtures/operations';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';
import { seedAgenda, siteTime, type SeededAgenda } from './fixtures/seed-agenda';

type Moved = { id: string; status: string; practitionerId: string; startsAt: string; endsAt: string };

describe('rescheduling moves an appointment within the exclusion constraint (SCH-6)', () => {
  let scheduling: SchedulingTestApp;
  let agenda: SeededAgenda;
  let other: SeededAgenda;
  let day = 3;

  beforeAll(async () => {
    scheduling = await SchedulingTestApp.start('scheduling_reschedule');
    agenda = await seedAgenda(scheduling);
    other = await seedAgenda(scheduling);
  });

  afterEach(() => jest.restoreAllMocks());
  afterAll(() => scheduling?.stop());
  beforeEach(() => day++);

  const at = (time: string) => siteTime(agenda, day, time);
  const iso = (time: string) => new Date(at(time)).toISOString();
  async function book(time: string, practitionerId = agenda.gpId): Promise<string> {
    const input = {
      practitionerId,
      siteId: agenda.siteId,
      motifId: agenda.motifId,
      patientId: randomUUID(),
      startsAt: at(time),
    };
    return (await scheduling.ok<{ bookAppointment: { id: string } }>(BOOK, { input }, agenda.as.secretary))
      .bookAppointment.id;
  }
  const move = (
    appointmentId: string,
    startsAt: string,
    extra: Record<string, unknown> = {},
    user = agenda.as.secretary,
  ) =>
    scheduling.gql<{ rescheduleAppointment: Moved }>(
      RESCHEDULE,
      { input: { appointmentId, startsAt, ...extra } },
      user,
    );
  const rescheduled = async (id: string) =>
    (await scheduling.events('scheduling.appointment.rescheduled.v1')).filter((e) => e.appointmentId === id);
  const startOf = async (id: string) =>
    (
      await scheduling.sql<{ starts_at: Date }>(`select starts_at from appointment where id = $1`, [id])
    )[0].starts_at.toISOString();

  it('moves to a free time: same id and status, the event tells where it was, and the old time is free at once', async () => {
    const id = await book('09:00');
    const { data } = await move(id, at('11:00'));
    expect(data?.rescheduleAppointment).toMatchObject({
      id,
      status: 'BOOKED',
      startsAt: iso('11:00'),
      endsAt: iso('11:20'),
    });
    expect(await rescheduled(id)).toEqual([
      expect.objectContaining({
        appointmentId: id,
        practitionerId: agenda.gpId,
        startsAt: iso('11:00'),
        previousPractitionerId: agenda.gpId,
        previousSiteId: agenda.siteId,
        previousStartsAt: iso('09:00'),
        previousEndsAt: iso('09:20'),
        rescheduledBy: 'staff',
      }),
    ]);
    await expect(book('09:00')).resolves.toEqual(expect.any(String));
    await expect(book('11:10')).rejects.toThrow(/SLOT_TAKEN/);
  });

  it('refuses a taken time with SLOT_TAKEN and changes nothing', async () => {
    const [first, second] = [await book('09:00'), await book('10:00')];
    const { errors } = await move(first, at('10:10'));
    expect(errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'SCHEDULING.SLOT_TAKEN',
      field: 'input.startsAt',
    });
    expect(await startOf(first)).toBe(iso('09:00'));
    expect(await startOf(second)).toBe(iso('10:00'));
    expect(await rescheduled(first)).toEqual([]);
  });

  it('may overlap its own previous time, and move to a colleague', async () => {
    const id = await book('14:00');
    expect((await move(id, at('14:10'))).data?.rescheduleAppointment.startsAt).toBe(iso('14:10'));
    const { data } = await move(id, at('14:10'), { practitionerId: agenda.colleagueId });
    expect(data?.rescheduleAppointment).toMatchObject({ practitionerId: agenda.colleagueId, startsAt: iso('14:10') });
    expect((await rescheduled(id)).at(-1)).toMatchObject({
      practitionerId: agenda.colleagueId,
      previousPractitionerId: agenda.gpId,
    });
  });

  it('two appointments moved to the same time at once: the database lets exactly one through', async () => {
    const [a, b] = [await book('09:00'), await book('09:40')];
    const results = await Promise.all([move(a, at('16:00')), move(b, at('16:00'))]);
    expect(results.filter((r) => r.data?.rescheduleAppointment).length).toBe(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.reason === 'SCHEDULING.SLOT_TAKEN').length).toBe(1);
  });

  it('an expired hold in the way lapses; a live one keeps the time', async () => {
    const id = await book('09:00');
    const hold = async (time: string) =>
      (
        await scheduling.ok<{ holdSlot: { id: string } }>(
          HOLD,
          {
            input: { practitionerId: agenda.gpId, siteId: agenda.siteId, motifId: agenda.motifId, startsAt: at(time) },
          },
          agenda.as.secretary,
        )
      ).holdSlot.id;
    const live = await hold('12:00');
    expect((await move(id, at('12:00'))).errors?.[0].extensions?.reason).toBe('SCHEDULING.SLOT_TAKEN');
    await scheduling.sql(`update appointment set hold_expires_at = now() - interval '1 second' where id = $1`, [live]);
    expect((await move(id, at('12:00'))).data?.rescheduleAppointment.startsAt).toBe(iso('12:00'));
    expect((await scheduling.events('scheduling.appointment.hold-lapsed.v1')).map((e) => e.appointmentId)).toContain(
      live,
    );
  });

  it('only booked or confirmed appointments move', async () => {
    const arrived = await book('09:00');
    const [hour, minute] = [9, 0];
    jest
      .spyOn(scheduling.get(Clock), 'now')
      .mockReturnValue(DateTime.now().setZone(agenda.timeZone).plus({ days: day }).set({ hour, minute }).toJSDate());
    await scheduling.ok(MARK_ARRIVED, { input: { appointmentId: arrived } }, agenda.as.secretary);
    jest.restoreAllMocks();
    expect((await move(arrived, at('15:00'))).errors?.[0]).toMatchObject({
      message: 'An appointment that is arrived cannot be rescheduled (only booked or confirmed ones)',
      extensions: { code: 'CONFLICT', reason: 'SCHEDULING.INVALID_TRANSITION' },
    });
    const cancelled = await book('10:00');
    await scheduling.ok(
      CANCEL,
      { input: { appointmentId: cancelled, reason: 'PATIENT_REQUEST' } },
      agenda.as.secretary,
    );
    expect((await move(cancelled, at('15:00'))).errors?.[0].extensions?.reason).toBe('SCHEDULING.INVALID_TRANSITION');
  });

  it('checks the new time like a booking, naming the field', async () => {
    const id = await book('09:00');
    expect((await move(id, at('19:00'))).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.startsAt',
    });
    expect((await move(id, at('09:00'))).errors?.[0]).toMatchObject({
      message: 'input.startsAt: is already the time of this appointment',
    });
    expect((await move(id, 'jeudi 10h')).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.startsAt',
    });
    expect((await move(id, siteTime(agenda, -1, '10:00'))).errors?.[0].message).toBe('input.startsAt: is in the past');
    const absence = {
      structureId: agenda.structureId,
      practitionerId: agenda.gpId,
      kind: 'TRAINING',
      startsAt: at('15:00'),
      endsAt: at('17:00'),
    };
    await scheduling.ok(DECLARE_ABSENCE, { input: absence }, agenda.as.secretary);
    expect((await move(id, at('15:30'))).errors?.[0].message).toMatch(
      /^input\.startsAt: the practitioner is not available/,
    );
    expect((await move(id, at('10:00'), { siteId: other.siteId })).errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.siteId',
    });
    expect((await move(randomUUID(), at('10:00'))).errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.appointmentId',
    });
  });

  it('booking staff of the site and the practitioner may; a coordinator or another structure may not', async () => {
    const id = await book('09:00');
    expect((await move(id, at('10:00'), {}, agenda.as.coordinator)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await move(id, at('10:00'), {}, other.as.secretary)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await move(id, at('10:00'), {}, agenda.as.practitioner)).data?.rescheduleAppointment.startsAt).toBe(
      iso('10:00'),
    );
    expect((await move(id, at('10:40'), {}, agenda.as.medical_assistant)).data?.rescheduleAppointment.startsAt).toBe(
      iso('10:40'),
    );
  });
});

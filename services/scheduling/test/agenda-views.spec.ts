import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { AGENDA_DAY, AGENDA_WEEK, colleagueOf, type AgendaViewResult } from './fixtures/agenda-operations';
import { BOOK, DECLARE_ABSENCE, DEFINE_RANGE, HOLD } from './fixtures/operations';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';
import { seedAgenda, type SeededAgenda } from './fixtures/seed-agenda';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { DirectoryProjection } from '../src/application/projections/directory-projection';

const ZONE = 'Europe/Paris';

/** The next local date whose day is not 24 hours long in Paris (a DST change). */
function nextDstChange(): string {
  for (let day = DateTime.now().setZone(ZONE).startOf('day').plus({ days: 2 }); ; day = day.plus({ days: 1 })) {
    if (day.plus({ days: 1 }).diff(day, 'hours').hours !== 24) return day.toISODate() as string;
  }
}

describe('shared day and week views across practitioners and sites (SCH-7)', () => {
  let scheduling: SchedulingTestApp;
  let agenda: SeededAgenda;
  let other: SeededAgenda;
  const date = DateTime.now().setZone(ZONE).plus({ days: 5 }).toISODate() as string;
  const wall = (day: string, time: string) => DateTime.fromISO(`${day}T${time}`, { zone: ZONE }).toISO() as string;
  const iso = (day: string, time: string) => new Date(wall(day, time)).toISOString();
  const ids: Record<string, string> = {};
  /** A second site overseas, where only the GP works on Tuesdays. */
  const reunion = randomUUID();

  beforeAll(async () => {
    scheduling = await SchedulingTestApp.start('scheduling_agenda_views');
    agenda = await seedAgenda(scheduling);
    other = await seedAgenda(scheduling);
    const book = async (practitionerId: string, time: string, day = date) =>
      (
        await scheduling.ok<{ bookAppointment: { id: string } }>(
          BOOK,
          {
            input: {
              practitionerId,
              siteId: agenda.siteId,
              motifId: agenda.motifId,
              patientId: agenda.patientId,
              startsAt: wall(day, time),
            },
          },
          agenda.as.secretary,
        )
      ).bookAppointment.id;
    ids.gp = await book(agenda.gpId, '09:00');
    ids.colleague = await book(agenda.colleagueId, '10:00');
    const hold = {
      practitionerId: agenda.gpId,
      siteId: agenda.siteId,
      motifId: agenda.motifId,
      startsAt: wall(date, '11:00'),
    };
    ids.hold = (
      await scheduling.ok<{ holdSlot: { id: string } }>(HOLD, { input: hold }, agenda.as.secretary)
    ).holdSlot.id;
    const absence = {
      structureId: agenda.structureId,
      practitionerId: agenda.colleagueId,
      kind: 'TRAINING',
      startsAt: wall(date, '14:00'),
      endsAt: wall(date, '18:00'),
    };
    await scheduling.ok(DECLARE_ABSENCE, { input: absence }, agenda.as.secretary);
    // A late range for the colleague, to put an appointment half an hour before midnight on the DST change day.
    const validFrom = DateTime.now().setZone(ZONE).toISODate();
    const late = {
      practitionerId: agenda.colleagueId,
      siteId: agenda.siteId,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      startTime: '23:00',
      endTime: '24:00',
      validFrom,
    };
    await scheduling.ok(DEFINE_RANGE, { input: late }, agenda.as.secretary);
    ids.late = await book(agenda.colleagueId, '23:30', nextDstChange());
    const projection = scheduling.get(DirectoryProjection);
    await scheduling.get(TransactionRunner).run(async () => {
      await projection.upsertSite({ siteId: reunion, structureId: agenda.structureId, timeZone: 'Indian/Reunion' });
      const sites = [agenda.siteId, reunion];
      await projection.upsertMember({
        memberId: agenda.gpId,
        structureId: agenda.structureId,
        profession: 'general_practitioner',
        roles: ['practitioner'],
        siteIds: sites,
      });
    });
    const tuesdays = {
      practitionerId: agenda.gpId,
      siteId: reunion,
      weekdays: [2],
      // Before the Paris range of the same day (03:00–07:00 Paris time in winter): one practitioner's ranges at two
      // sites never overlap (SCH-11).
      startTime: '06:00',
      endTime: '10:00',
      validFrom,
    };
    await scheduling.ok(DEFINE_RANGE, { input: tuesdays }, agenda.as.administrator);
  });

  afterAll(() => scheduling?.stop());

  const day = async (user: UserContext, variables: Record<string, unknown> = {}) =>
    (
      await scheduling.ok<{ agendaDay: AgendaViewResult }>(
        AGENDA_DAY,
        { structureId: agenda.structureId, date, ...variables },
        user,
      )
    ).agendaDay;
  const of = (view: AgendaViewResult, practitionerId: string) =>
    view.practitioners.find((p) => p.practitionerId === practitionerId);

  it("shows every practitioner's openings, appointments, holds and absences of the local day", async () => {
    const view = await day(agenda.as.secretary);
    expect(view).toMatchObject({ structureId: agenda.structureId, from: date, to: date });
    expect(view.sites).toContainEqual({
      siteId: agenda.siteId,
      timeZone: ZONE,
      startsAt: iso(date, '00:00'),
      endsAt: new Date(DateTime.fromISO(date, { zone: ZONE }).plus({ days: 1 }).toMillis()).toISOString(),
    });
    expect(view.practitioners.map((p) => p.practitionerId).sort()).toEqual([agenda.gpId, agenda.colleagueId].sort());
    const gp = of(view, agenda.gpId);
    expect(gp).toMatchObject({ profession: 'general_practitioner', practitioner: { id: agenda.gpId } });
    expect(gp?.openings.filter((o) => o.siteId === agenda.siteId)).toEqual([
      expect.objectContaining({
        siteId: agenda.siteId,
        date,
        startsAt: iso(date, '08:00'),
        endsAt: iso(date, '18:00'),
        snpShare: 0,
      }),
    ]);
    expect(gp?.appointments.map((a) => [a.id, a.startsAt, a.status])).toEqual([
      [ids.gp, iso(date, '09:00'), 'BOOKED'],
      [ids.hold, iso(date, '11:00'), 'HELD'],
    ]);
    expect(of(view, agenda.colleagueId)?.absences).toEqual([
      { id: expect.any(String), kind: 'TRAINING', startsAt: iso(date, '14:00'), endsAt: iso(date, '18:00') },
    ]);
  });

  it('desk staff of the site and the practitioner see the patient; colleagues see busy time and motif only', async () => {
    const entry = async (user: UserContext, practitionerId: string) =>
      of(await day(user), practitionerId)?.appointments.find(
        (a) => a.startsAt === iso(date, practitionerId === agenda.gpId ? '09:00' : '10:00'),
      );
    const detailed = {
      detailsVisible: true,
      status: 'BOOKED',
      patient: { id: agenda.patientId },
      motifLabel: 'Consultation 20',
    };
    const busyOnly = { detailsVisible: false, status: null, patient: null, motifLabel: 'Consultation 20' };
    expect(await entry(agenda.as.secretary, agenda.gpId)).toMatchObject(detailed);
    expect(await entry(agenda.as.medical_assistant, agenda.colleagueId)).toMatchObject(detailed);
    expect(await entry(agenda.as.practitioner, agenda.gpId)).toMatchObject(detailed);
    expect(await entry(agenda.as.practitioner, agenda.colleagueId)).toMatchObject(busyOnly);
    expect(await entry(colleagueOf(agenda), agenda.gpId)).toMatchObject(busyOnly);
    expect(await entry(agenda.as.coordinator, agenda.gpId)).toMatchObject(busyOnly);
    expect(await entry(agenda.as.administrator, agenda.gpId)).toMatchObject(busyOnly);
    const secretaryElsewhere = {
      memberId: randomUUID(),
      memberships: [{ structureId: agenda.structureId, roles: ['secretary' as const], siteIds: [randomUUID()] }],
    };
    expect(await entry(secretaryElsewhere, agenda.gpId)).toMatchObject(busyOnly);
  });

  it('a day is local midnight to midnight, also on a DST change: 23 or 25 hours', async () => {
    const change = nextDstChange();
    const view = await day(agenda.as.secretary, { date: change });
    const window = view.sites.find((s) => s.timeZone === ZONE) as AgendaViewResult['sites'][number];
    expect([23, 25]).toContain((Date.parse(window.endsAt) - Date.parse(window.startsAt)) / 3_600_000);
    const colleague = of(view, agenda.colleagueId);
    expect(colleague?.appointments.map((a) => a.id)).toContain(ids.late);
    expect(colleague?.openings.map((o) => [o.startsAt, o.endsAt])).toEqual([
      [iso(change, '08:00'), iso(change, '18:00')],
      [
        iso(change, '23:00'),
        new Date(DateTime.fromISO(change, { zone: ZONE }).plus({ days: 1 }).toMillis()).toISOString(),
      ],
    ]);
    const next = DateTime.fromISO(change).plus({ days: 1 }).toISODate();
    expect(
      of(await day(agenda.as.secretary, { date: next }), agenda.colleagueId)?.appointments.map((a) => a.id),
    ).not.toContain(ids.late);
  });

  it('a week runs Monday to Sunday around the date', async () => {
    const { agendaWeek } = await scheduling.ok<{ agendaWeek: AgendaViewResult }>(
      AGENDA_WEEK,
      { structureId: agenda.structureId, date },
      agenda.as.coordinator,
    );
    const monday = DateTime.fromISO(date).startOf('week');
    expect(agendaWeek).toMatchObject({ from: monday.toISODate(), to: monday.plus({ days: 6 }).toISODate() });
    const gp = of(agendaWeek, agenda.gpId);
    expect(gp?.openings.filter((o) => o.siteId === agenda.siteId).map((o) => o.date)).toEqual(
      Array.from({ length: 7 }, (_, i) => monday.plus({ days: i }).toISODate()).filter(
        (d) => (d as string) >= (DateTime.now().setZone(ZONE).minus({ days: 1 }).toISODate() as string),
      ),
    );
    expect(gp?.appointments.map((a) => a.id)).toEqual(expect.arrayContaining([ids.gp, ids.hold]));
  });

  it("cuts each site's day in its own zone, and filters by site and profession", async () => {
    const tuesday = DateTime.fromISO(date).plus({ weeks: 1 }).set({ weekday: 2 }).toISODate() as string;
    const both = await day(agenda.as.secretary, { date: tuesday });
    expect(both.sites.map((s) => [s.timeZone, s.startsAt])).toEqual(
      expect.arrayContaining([
        [ZONE, iso(tuesday, '00:00')],
        ['Indian/Reunion', DateTime.fromISO(`${tuesday}T00:00`, { zone: 'Indian/Reunion' }).toUTC().toISO()],
      ]),
    );
    expect(of(both, agenda.gpId)?.openings.map((o) => [o.siteId, o.startsAt])).toEqual([
      [reunion, DateTime.fromISO(`${tuesday}T06:00`, { zone: 'Indian/Reunion' }).toUTC().toISO()],
      [agenda.siteId, iso(tuesday, '08:00')],
    ]);
    const overseas = await day(agenda.as.secretary, { date: tuesday, siteId: reunion });
    expect(overseas.practitioners.map((p) => p.practitionerId)).toEqual([agenda.gpId]);
    expect(overseas.practitioners[0].openings.map((o) => o.siteId)).toEqual([reunion]);
    expect((await day(agenda.as.secretary, { siteId: agenda.siteId })).practitioners).toHaveLength(2);
    expect((await day(agenda.as.secretary, { profession: 'nurse' })).practitioners).toEqual([]);
    expect((await day(agenda.as.secretary, { profession: 'general_practitioner' })).practitioners).toHaveLength(2);
  });

  it('refuses another structure, and names the field of a bad site or date', async () => {
    const codeOf = async (variables: Record<string, unknown>, user: UserContext = agenda.as.secretary) =>
      (await scheduling.gql(AGENDA_DAY, { structureId: agenda.structureId, date, ...variables }, user)).errors?.[0]
        .extensions;
    expect(await codeOf({}, other.as.secretary)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await codeOf({ siteId: other.siteId })).toMatchObject({ code: 'NOT_FOUND', field: 'siteId' });
    expect(await codeOf({ date: '25/12/2026' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
    expect(await codeOf({ structureId: 'msp' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'structureId' });
  });
});

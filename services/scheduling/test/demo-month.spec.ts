import { randomUUID } from 'node:crypto';
import { TransactionRunner } from '@msp/persistence';
import { demoMonth } from '@msp/service-kit';
import { expectEventually } from '@msp/testing';
import { DirectoryProjection } from '../src/application/projections/directory-projection';
import { ReminderScheduler } from '../src/application/reminders/reminder-scheduler';
import { DemoMonthPlayer, type DemoMonthSummary } from '../src/demo/demo-month.player';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';

const ZONE = 'Europe/Paris';

interface Row {
  id: string;
  practitioner_id: string;
  status: string;
  day: string;
  starts: string;
  ends: string;
  booked_by: string;
  booked_by_actor: string;
}

describe('demo month (SCHEDULING_DEMO_DATA=load)', () => {
  let scheduling: SchedulingTestApp;
  const month = demoMonth(new Date(), ZONE);

  beforeAll(async () => {
    scheduling = await SchedulingTestApp.start('scheduling_demo_month', { SCHEDULING_DEMO_DATA: 'load' });
  });

  afterAll(() => scheduling?.stop());

  /** A demo structure reaching scheduling: its patients first (as the directory's events would), then its team. */
  async function structure(professions: string[], patients = 40) {
    const structureId = randomUUID();
    const site = randomUUID();
    const team = { secretary: randomUUID(), practitioners: professions.map(() => randomUUID()) };
    await scheduling.get(TransactionRunner).run(async () => {
      const reminders = scheduling.get(ReminderScheduler);
      for (let i = 0; i < patients; i++) await reminders.consentChanged(randomUUID(), structureId, i % 2 === 0, true);
      const projection = scheduling.get(DirectoryProjection);
      await projection.upsertSite({ siteId: site, structureId, timeZone: ZONE });
      await projection.upsertMember({
        memberId: team.secretary,
        structureId,
        profession: 'medical_secretary',
        roles: ['secretary'],
        siteIds: [site],
      });
      for (const [i, profession] of professions.entries())
        await projection.upsertMember({
          memberId: team.practitioners[i],
          structureId,
          profession,
          roles: ['practitioner'],
          siteIds: [site],
        });
    });
    return { structureId, site, ...team };
  }

  const appointments = (structureId: string) =>
    scheduling.sql<Row>(
      `select id, practitioner_id, status, booked_by, booked_by_actor,
              to_char(starts_at at time zone '${ZONE}', 'YYYY-MM-DD') as day,
              to_char(starts_at at time zone '${ZONE}', 'HH24:MI') as starts,
              to_char(ends_at at time zone '${ZONE}', 'HH24:MI') as ends
         from appointment where structure_id = $1 order by starts_at`,
      [structureId],
    );
  const stateOf = async (structureId: string) =>
    (
      await scheduling.sql<{ played_through: string | null; completed: boolean }>(
        `select to_char(played_through, 'YYYY-MM-DD') as played_through, completed_at is not null as completed
           from demo_month where structure_id = $1`,
        [structureId],
      )
    )[0];
  const eventsOf = async (type: string, structureId: string) =>
    (await scheduling.events(type)).filter((e) => e.structureId === structureId);
  const count = (rows: Row[], status: string) => rows.filter((r) => r.status === status).length;

  it('books the past month through the handlers, then completes, marks no-shows and cancels, with the events out', async () => {
    const s = await structure(['general_practitioner', 'nurse']);
    // Some 1,500 handler calls: a minute alone, past three on a CI machine running two spec files beside Kafka.
    await expectEventually(async () => expect((await stateOf(s.structureId))?.completed).toBe(true), 360_000, 500);
    // The ranges were given from the first day of the demo month, so that month has agendas.
    const validFrom = await scheduling.sql<{ valid_from: string }>(
      `select distinct to_char(valid_from, 'YYYY-MM-DD') as valid_from from opening_range where structure_id = $1`,
      [s.structureId],
    );
    expect(validFrom).toEqual([{ valid_from: month.days[0].date }]);

    const rows = await appointments(s.structureId);
    const working = new Set(month.workingDays.map((d) => d.date));
    expect(rows.length).toBeGreaterThan(300);
    expect(rows.every((r) => working.has(r.day))).toBe(true);
    // Nothing is left booked: each appointment of the past month was held, missed or cancelled.
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['done', 'no_show', 'cancelled']));
    // Within the demo ranges (GP 08:00–19:00 at the latest, nurse 08:00–12:00 and 16:00–19:00).
    expect(rows.every((r) => r.starts >= '08:00' && r.ends <= '19:00')).toBe(true);
    // Booked as staff by the site's secretary.
    expect(rows.every((r) => r.booked_by === 'staff' && r.booked_by_actor === s.secretary)).toBe(true);

    const booked = await eventsOf('scheduling.appointment.booked.v1', s.structureId);
    const completed = await eventsOf('scheduling.appointment.completed.v1', s.structureId);
    const noShows = await eventsOf('scheduling.appointment.no-show.v1', s.structureId);
    const cancelled = await eventsOf('scheduling.appointment.cancelled.v1', s.structureId);
    expect(booked).toHaveLength(rows.length);
    expect(completed).toHaveLength(count(rows, 'done'));
    expect(noShows).toHaveLength(count(rows, 'no_show'));
    expect(cancelled).toHaveLength(count(rows, 'cancelled'));
    expect(noShows.length).toBeGreaterThan(0);
    expect(cancelled.length).toBeGreaterThan(0);
    expect(
      (await eventsOf('scheduling.appointment.arrived.v1', s.structureId)).length +
        (await eventsOf('scheduling.appointment.consultation-started.v1', s.structureId)).length,
    ).toBe(2 * completed.length);
    // Each event tells the instant it happened in the demo month, as the clock showed it to the handler.
    const inMonth = (instant: unknown) =>
      month.days.some((d) => new Date(String(instant)).toLocaleDateString('sv-SE', { timeZone: ZONE }) === d.date);
    expect(completed.every((e) => inMonth(e.completedAt) && String(e.completedAt) >= String(e.endsAt))).toBe(true);
    expect(noShows.every((e) => e.markedAt === e.endsAt)).toBe(true);
    expect(cancelled.every((e) => String(e.cancelledAt) < String(e.startsAt) && e.cancelledBy === 'patient')).toBe(
      true,
    );
    // Published: the relay sent every one of them to Kafka.
    await expectEventually(
      async () =>
        expect(
          await scheduling.sql(
            `select 1 from outbox_message where sent_at is null and event_type like 'scheduling.appointment.%'`,
          ),
        ).toEqual([]),
      30_000,
      250,
    );

    // Played once: a second run finds nothing to play and books nothing.
    // Other specs' structures share this database and may be under way: only this one's run is looked at.
    const again = (await scheduling.get(DemoMonthPlayer).playPending()).filter((r) => r.structureId === s.structureId);
    expect(again.every((r) => r.booked === 0 && r.days === 0)).toBe(true);
    expect(await appointments(s.structureId)).toHaveLength(rows.length);
  }, 480_000);

  it('resumes after the last day played when stopped midway, without playing a day twice', async () => {
    const directory = scheduling.directory!;
    // The directory goes down after a hundred bookings of this structure: the day in progress rolls back.
    const s = await structure(['general_practitioner']);
    const push = directory.calls.push.bind(directory.calls);
    let asked = 0;
    directory.calls.push = (...calls: string[]) => {
      if (calls.some((c) => c.includes(s.structureId)) && ++asked === 100) directory.down = true;
      return push(...calls);
    };
    const player = scheduling.get(DemoMonthPlayer);
    const logged = jest.spyOn(player['logger'], 'error');
    try {
      // The background watcher stops playing this structure for this boot, its day in progress rolled back.
      await expectEventually(
        async () => expect(logged.mock.calls.some(([m]) => String(m).includes(s.structureId))).toBe(true),
        // The watcher plays the structures of this database's other specs too, one after the other: on a loaded CI
        // machine this one's hundredth booking came after two minutes.
        300_000,
        250,
      );
    } finally {
      logged.mockRestore();
      directory.calls.push = push;
      directory.down = false;
    }
    const stopped = await stateOf(s.structureId);
    expect(stopped.completed).toBe(false);
    expect(stopped.played_through).not.toBeNull();
    const before = await appointments(s.structureId);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((r) => r.day <= (stopped.played_through as string))).toBe(true);

    const [resumed] = (await player.playPending()).filter((r) => r.structureId === s.structureId);
    expect(resumed.refused).toEqual({});
    const after = await appointments(s.structureId);
    expect(after.length).toBe(before.length + resumed.booked);
    expect(after.filter((r) => r.day > (stopped.played_through as string))).toHaveLength(resumed.booked);
    expect(new Set(after.map((r) => r.day)).size).toBe(new Set(before.map((r) => r.day)).size + resumed.days);
    expect((await stateOf(s.structureId)).completed).toBe(true);
    expect(await eventsOf('scheduling.appointment.booked.v1', s.structureId)).toHaveLength(after.length);
  }, 420_000);

  it('two players started together play each day once', async () => {
    const s = await structure(['general_practitioner']);
    await expectEventually(async () => expect(await stateOf(s.structureId)).toBeDefined(), 60_000, 100);
    const player = scheduling.get(DemoMonthPlayer);
    const runs: DemoMonthSummary[] = (await Promise.all([player.playPending(), player.playPending()]))
      .flat()
      .filter((r) => r.structureId === s.structureId);
    // The background watcher may have joined in: whoever played a day, nobody played it again.
    await expectEventually(async () => expect((await stateOf(s.structureId)).completed).toBe(true), 60_000, 250);
    expect(runs.every((r) => Object.keys(r.refused).length === 0)).toBe(true);
    const rows = await appointments(s.structureId);
    expect(new Set(rows.map((r) => `${r.practitioner_id} ${r.day} ${r.starts}`)).size).toBe(rows.length);
    expect(await eventsOf('scheduling.appointment.booked.v1', s.structureId)).toHaveLength(rows.length);
    const days = runs.reduce((n, r) => n + r.days, 0);
    expect(days).toBeLessThanOrEqual(new Set(rows.map((r) => r.day)).size);
  }, 180_000);
});

import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { demoMonth } from '@msp/service-kit';
import { expectEventually, TestEventPublisher } from '@msp/testing';
import { DateTime } from 'luxon';
import { DemoMeetingsLoader } from '../src/demo/demo-meetings.loader';
import { CLINICAL_PROFESSIONS } from '../src/demo/demo-meetings';
import { planCoordinationMonth } from '../src/demo/demo-month.plan';
import { CoordinationTestApp } from './fixtures/coordination-test-app';
import { MEETING_FIELDS, openPractice, scheduleMeeting, type MeetingView, type Practice } from './fixtures/practice';

const ZONE = 'Europe/Paris';

const meetingsOf = async (app: CoordinationTestApp, practice: Practice, from = new Date(), days = 120) =>
  (
    await app.ok<{ meetings: MeetingView[] }>(
      `query($structureId: ID!, $from: String!, $to: String!) {
        meetings(structureId: $structureId, from: $from, to: $to) { ${MEETING_FIELDS} } }`,
      {
        structureId: practice.structureId,
        from: from.toISOString(),
        to: new Date(from.getTime() + days * 86_400_000).toISOString(),
      },
      practice.coordinator.user,
    )
  ).meetings;

/** The demo month's bounds: the calendar month before now, in Paris. */
function lastMonth() {
  const month = demoMonth(new Date(), ZONE);
  const from = DateTime.fromISO(`${month.month}-01`, { zone: ZONE });
  return { month, from: from.toJSDate(), to: from.plus({ months: 1 }).toJSDate() };
}

/** The structure's events of one type, from the outbox. */
const eventsOf = async (app: CoordinationTestApp, practice: Practice, type: string) =>
  (await app.events(type)).filter((e) => e.structureId === practice.structureId);

/**
 * The directory as the loader asks it: the practices' whole teams (it loads a practice only once its copy holds all
 * of them) and, per GP, 20 médecin-traitant patients eligible to the ACI's concertation.
 */
function directoryKnows(app: CoordinationTestApp, practices: Practice[]) {
  const eligible = new Map(
    practices.flatMap((p) => p.gps.map((gp) => [gp.id, Array.from({ length: 20 }, randomUUID)])),
  );
  app.directory.routes.set('GET /internal/team', () => ({
    status: 200,
    body: {
      sites: practices.map((p) => ({ siteId: p.siteId, structureId: p.structureId, timeZone: ZONE })),
      members: practices.flatMap((p) =>
        p.all.map((m) => ({
          memberId: m.id,
          structureId: p.structureId,
          profession: m.profession,
          roles: m.user.memberships[0].roles,
          siteIds: [p.siteId],
          referentId: null,
          backupReferentId: null,
        })),
      ),
    },
  }));
  app.directory.routes.set('GET /internal/concertation-population', ({ query }) => {
    const practice = practices.find((p) => p.structureId === query.get('structureId'));
    return {
      status: 200,
      body: {
        practitioners: (practice?.gps ?? []).map((gp) => ({
          memberId: gp.id,
          patientCount: 80,
          eligibleCount: 20,
          eligiblePatientIds: eligible.get(gp.id),
        })),
      },
    };
  });
  return eligible;
}

// Other spec files publish practices on the same topics meanwhile: only this file's practices are looked at (the
// loader only loads structures the directory stub lists).
describe("demo data: the demo practice's month of concertation and its coming meetings (COORDINATION_DEMO_DATA=load)", () => {
  let events: TestEventPublisher;

  beforeAll(async () => {
    events = await TestEventPublisher.start('coordination-spec-demo');
  });

  afterAll(() => events?.stop());

  it("holds last month's RCP and synthesis through the handlers, then plans a monthly RCP series and a synthesis meeting", async () => {
    const app = await CoordinationTestApp.start('coordination_demo', { env: { COORDINATION_DEMO_DATA: 'load' } });
    try {
      const practice = await openPractice(app, events);
      const eligible = directoryKnows(app, [practice]);
      await expectEventually(
        async () => {
          const meetings = await meetingsOf(app, practice);
          const rcps = meetings.filter((m) => m.kind === 'rcp');
          expect(rcps.length).toBeGreaterThanOrEqual(2); // ninety days hold two or three first Tuesdays
          expect(new Set(rcps.map((m) => m.seriesId)).size).toBe(1);
          expect(meetings.filter((m) => m.kind === 'synthesis')).toHaveLength(1);
        },
        60_000,
        250,
      );
      const [rcp] = (await meetingsOf(app, practice)).filter((m) => m.kind === 'rcp');
      // Organised by the coordinator, at the practice's site, inviting every clinical member and no secretary.
      expect(rcp).toMatchObject({ organizerId: practice.coordinator.id, siteId: practice.siteId, status: 'scheduled' });
      const invited = rcp.invitations.map((i) => i.memberId);
      for (const clinician of [...practice.gps, practice.nurse, practice.physio, practice.pharmacist])
        expect(invited).toContain(clinician.id);
      expect(invited).not.toContain(practice.secretary.id);
      expect(
        new Date(rcp.startsAt).toLocaleString('fr-FR', {
          timeZone: ZONE,
          weekday: 'long',
          hour: '2-digit',
          minute: '2-digit',
        }),
      ).toMatch(/^mardi 12:30$/);

      // Last month: what the plan says, held through the handlers at its instants.
      const { month, from, to } = lastMonth();
      const plan = planCoordinationMonth({
        seed: `${practice.structureId}:coordination-demo-month`,
        now: new Date(),
        zone: ZONE,
        coordinatorId: practice.coordinator.id,
        clinical: practice.all
          .filter((m) => CLINICAL_PROFESSIONS.has(m.profession))
          .map((m) => ({ memberId: m.id, profession: m.profession })),
      });
      const past = await meetingsOf(app, practice, from, 31);
      const held = past.filter((m) => new Date(m.startsAt) < to);
      expect(held.map((m) => [m.kind, m.startsAt, m.status, m.pluriprofessional, !!m.minutesClosedAt])).toEqual(
        plan.meetings.map((m) => [m.kind, m.startsAt.toISOString(), 'held', m.kind === 'rcp', true]),
      );
      const [pastRcp, synthesis] = held;
      expect(pastRcp.seriesId).toBeNull();
      expect(synthesis.professionsPresent).toEqual(['general_practitioner']);
      for (const [meeting, planned] of [
        [pastRcp, plan.meetings[0]],
        [synthesis, plan.meetings[1]],
      ] as const) {
        const attendance = Object.fromEntries(meeting.invitations.map((i) => [i.memberId, i.attendance]));
        expect(attendance).toEqual(Object.fromEntries(planned.attendance.map((a) => [a.memberId, a.status])));
        for (const { memberId, answer } of planned.answers)
          expect(meeting.invitations.find((i) => i.memberId === memberId)?.answer).toBe(answer);
      }

      const inMonth = (instant: unknown) => {
        const at = new Date(instant as string);
        return (
          at >= from &&
          at < to &&
          month.workingDays.some((d) => d.date === DateTime.fromJSDate(at, { zone: ZONE }).toISODate())
        );
      };
      const heldEvents = await eventsOf(app, practice, 'coordination.meeting.held.v1');
      expect(heldEvents.map((e) => e.meetingId).sort()).toEqual(held.map((m) => m.id).sort());
      expect(heldEvents.every((e) => inMonth(e.heldAt))).toBe(true);
      const attendance = await eventsOf(app, practice, 'coordination.attendance.recorded.v1');
      expect(attendance.map((e) => [e.kind, e.pluriprofessional])).toEqual([
        ['rcp', true],
        ['synthesis', false],
      ]);
      // Six cases at the RCP and one at the synthesis: eligible patients of the practice's GPs, none twice.
      const cases = await eventsOf(app, practice, 'coordination.case.reviewed.v1');
      expect(cases).toHaveLength(7);
      const eligibleIds = new Set<string>([...eligible.values()].flat());
      expect(cases.every((c) => eligibleIds.has(c.patientId as string) && inMonth(c.reviewedAt))).toBe(true);
      expect(new Set(cases.map((c) => c.patientId)).size).toBe(7);
      expect((await eventsOf(app, practice, 'coordination.decision.recorded.v1')).length).toBe(7);
      const items = await eventsOf(app, practice, 'coordination.action-item.created.v1');
      expect(items).toHaveLength(plan.meetings.reduce((n, m) => n + m.actionItems.length, 0));
      expect(items.every((i) => i.patientId && inMonth(i.createdAt))).toBe(true);
      const answered = await eventsOf(app, practice, 'coordination.invitation.answered.v1');
      expect(answered.filter((e) => inMonth(e.answeredAt) || new Date(e.answeredAt as string) < from)).toHaveLength(
        plan.meetings.reduce((n, m) => n + m.answers.length, 0),
      );
      // The reminders of last month's meetings were delivered when due, not today.
      const reminders = await app.sql<{ due_at: Date; delivered_at: Date }>(
        `select n.due_at, n.delivered_at from notification n where n.meeting_id = any($1::uuid[]) and kind = 'reminder'`,
        [held.map((m) => m.id)],
      );
      expect(reminders.length).toBeGreaterThan(0);
      for (const r of reminders) expect(r.delivered_at).toEqual(r.due_at);
    } finally {
      await app.stop();
    }
  }, 180_000);

  it('loads nothing for a structure that already holds meetings, and each structure once, even from two instances', async () => {
    const app = await CoordinationTestApp.start('coordination_demo_kept');
    let second: CoordinationTestApp | undefined;
    try {
      const loader = app.get(DemoMeetingsLoader);
      const busy = await openPractice(app, events);
      const at = Date.now() + 3 * 86_400_000;
      await scheduleMeeting(
        app,
        busy,
        busy.coordinator,
        [busy.nurse],
        new Date(at).toISOString(),
        new Date(at + 3_600_000).toISOString(),
      );
      const empty = await openPractice(app, events);
      directoryKnows(app, [busy, empty]);
      const { url } = app.get(DataSource).options as { url: string };
      second = await CoordinationTestApp.start('coordination_demo_kept_again', { env: { DATABASE_URL: url } });
      directoryKnows(second, [busy, empty]);
      // Both instances look at once, then again.
      await Promise.all([loader.loadPending(), second.get(DemoMeetingsLoader).loadPending()]);
      await Promise.all([loader.loadPending(), second.get(DemoMeetingsLoader).loadPending()]);

      expect(await meetingsOf(app, busy)).toHaveLength(1);
      expect(await eventsOf(app, busy, 'coordination.meeting.held.v1')).toEqual([]);
      const planned = await meetingsOf(app, empty);
      expect(planned.filter((m) => m.kind === 'synthesis')).toHaveLength(1);
      expect(new Set(planned.filter((m) => m.kind === 'rcp').map((m) => m.seriesId)).size).toBe(1);
      const { from, to } = lastMonth();
      expect((await meetingsOf(app, empty, from, 31)).filter((m) => new Date(m.startsAt) < to)).toHaveLength(2);
      expect(await eventsOf(app, empty, 'coordination.meeting.held.v1')).toHaveLength(2);
      expect(await eventsOf(app, empty, 'coordination.case.reviewed.v1')).toHaveLength(7);
    } finally {
      await second?.stop();
      await app.stop();
    }
  }, 180_000);

  it('waits for the directory: a practice whose patients it cannot give now is loaded at a later look, whole', async () => {
    const app = await CoordinationTestApp.start('coordination_demo_waits');
    try {
      const loader = app.get(DemoMeetingsLoader);
      const practice = await openPractice(app, events);
      directoryKnows(app, [practice]);
      const population = app.directory.routes.get('GET /internal/concertation-population')!;
      app.directory.routes.set('GET /internal/concertation-population', () => ({
        status: 503,
        body: { code: 'UNAVAILABLE', message: 'down' },
      }));
      expect(await loader.loadPending()).toBe(0);
      expect(await meetingsOf(app, practice, lastMonth().from)).toEqual([]);
      app.directory.routes.set('GET /internal/concertation-population', population);
      expect(await loader.loadPending()).toBe(1);
      expect(await eventsOf(app, practice, 'coordination.meeting.held.v1')).toHaveLength(2);
    } finally {
      await app.stop();
    }
  }, 180_000);
});

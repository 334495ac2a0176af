import { expectEventually, TestEventPublisher } from '@msp/testing';
import { DemoMeetingsLoader } from '../src/demo/demo-meetings.loader';
import { CoordinationTestApp } from './fixtures/coordination-test-app';
import { MEETING_FIELDS, openPractice, scheduleMeeting, type MeetingView, type Practice } from './fixtures/practice';

const meetingsOf = async (app: CoordinationTestApp, practice: Practice) =>
  (
    await app.ok<{ meetings: MeetingView[] }>(
      `query($structureId: ID!, $from: String!, $to: String!) {
        meetings(structureId: $structureId, from: $from, to: $to) { ${MEETING_FIELDS} } }`,
      {
        structureId: practice.structureId,
        from: new Date().toISOString(),
        to: new Date(Date.now() + 120 * 86_400_000).toISOString(),
      },
      practice.coordinator.user,
    )
  ).meetings;

// Other spec files publish practices on the same topics meanwhile: only this file's practices are looked at.
describe("demo data: the demo practice's coming meetings (COORDINATION_DEMO_DATA=load)", () => {
  let events: TestEventPublisher;

  beforeAll(async () => {
    events = await TestEventPublisher.start('coordination-spec-demo');
  });

  afterAll(() => events?.stop());

  it('plans a monthly RCP series and a synthesis meeting for a practice with a coordinator, once its team arrives', async () => {
    const app = await CoordinationTestApp.start('coordination_demo', { env: { COORDINATION_DEMO_DATA: 'load' } });
    try {
      const practice = await openPractice(app, events);
      await expectEventually(
        async () => {
          const meetings = await meetingsOf(app, practice);
          const rcps = meetings.filter((m) => m.kind === 'rcp');
          expect(rcps.length).toBeGreaterThanOrEqual(2); // ninety days hold two or three first Tuesdays
          expect(new Set(rcps.map((m) => m.seriesId)).size).toBe(1);
          expect(meetings.filter((m) => m.kind === 'synthesis')).toHaveLength(1);
        },
        30_000,
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
          timeZone: 'Europe/Paris',
          weekday: 'long',
          hour: '2-digit',
          minute: '2-digit',
        }),
      ).toMatch(/^mardi 12:30$/);
    } finally {
      await app.stop();
    }
  });

  it('plans nothing for a structure that already holds meetings, and plans each structure once', async () => {
    const app = await CoordinationTestApp.start('coordination_demo_kept');
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
      await loader.loadPending();
      await loader.loadPending();
      expect(await meetingsOf(app, busy)).toHaveLength(1);
      const planned = await meetingsOf(app, empty);
      expect(planned.filter((m) => m.kind === 'synthesis')).toHaveLength(1);
      expect(new Set(planned.filter((m) => m.kind === 'rcp').map((m) => m.seriesId)).size).toBe(1);
    } finally {
      await app.stop();
    }
  });
});

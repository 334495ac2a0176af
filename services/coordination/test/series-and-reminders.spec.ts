import { TestEventPublisher } from '@msp/testing';
import { Clock } from '@msp/service-kit';
import { CoordinationSweepJob } from '../src/application/jobs/coordination-sweep.job';
import { MemberNotifier, type NotificationToDeliver } from '../src/application/ports/member-notifier.port';
import { CoordinationTestApp } from './fixtures/coordination-test-app';
import { MEETING_FIELDS, openPractice, scheduleMeeting, type MeetingView, type Practice } from './fixtures/practice';

const SERIES_FIELDS = `id structureId rrule timeZone localStartTime durationMinutes startsOn endsOn endedAt
  occurrences { ${MEETING_FIELDS} }`;

interface SeriesView {
  id: string;
  rrule: string;
  timeZone: string;
  localStartTime: string;
  endedAt: string | null;
  occurrences: MeetingView[];
}

interface NotificationView {
  id: string;
  kind: string;
  meetingId: string;
  meetingTitle: string;
  meetingStartsAt: string;
  dueAt: string;
  readAt: string | null;
}

const CREATE = `mutation($input: CreateMeetingSeriesInput!) { createMeetingSeries(input: $input) { ${SERIES_FIELDS} } }`;
const END = `mutation($input: EndMeetingSeriesInput!) { endMeetingSeries(input: $input) { ${SERIES_FIELDS} } }`;
const INBOX = `query($limit: Int) { myNotifications(limit: $limit) { id kind meetingId meetingTitle meetingStartsAt dueAt readAt } }`;

/** COO-1 recurring series, and reminders delivered from the notification outbox to members' inboxes. */
describe('recurring series and reminders', () => {
  let app: CoordinationTestApp;
  let events: TestEventPublisher;
  let practice: Practice;
  let now: Date;

  beforeAll(async () => {
    events = await TestEventPublisher.start('coordination-spec-series');
    app = await CoordinationTestApp.start('coordination_series');
    practice = await openPractice(app, events);
  });

  beforeEach(() => {
    now = new Date('2026-09-01T06:00:00.000Z');
    jest.spyOn(app.get(Clock), 'now').mockImplementation(() => now);
  });

  afterAll(async () => {
    await app?.stop();
    await events?.stop();
  });

  const createSeries = (extra: Record<string, unknown> = {}) =>
    app.gql<{ createMeetingSeries: SeriesView }>(
      CREATE,
      {
        input: {
          structureId: practice.structureId,
          kind: 'rcp',
          title: 'RCP mensuelle',
          rrule: 'FREQ=MONTHLY;BYDAY=1TU',
          localStartTime: '12:30',
          durationMinutes: 90,
          startsOn: '2026-09-01',
          siteId: practice.siteId,
          inviteeIds: [practice.gps[0].id, practice.nurse.id],
          ...extra,
        },
      },
      practice.coordinator.user,
    );
  const sweep = () => app.get(CoordinationSweepJob).sweep();
  const seriesMeetings = async (seriesId: string) =>
    app.sql<{ starts_at: Date; status: string }>(
      `select starts_at, status from meeting where series_id = $1 order by starts_at`,
      [seriesId],
    );

  it('places the first Tuesday of each month at 12:30 Paris time across the October DST change', async () => {
    const result = await createSeries();
    expect(result.errors).toBeUndefined();
    const series = result.data?.createMeetingSeries as SeriesView;
    expect(series).toMatchObject({
      rrule: 'FREQ=MONTHLY;BYDAY=1TU',
      timeZone: 'Europe/Paris',
      localStartTime: '12:30',
    });
    // 90 days from 1 September: 1 September (UTC+2), 6 October (UTC+2), 3 November (UTC+1, after 25 October).
    expect(series.occurrences.map((m) => [m.startsAt, m.endsAt])).toEqual([
      ['2026-09-01T10:30:00.000Z', '2026-09-01T12:00:00.000Z'],
      ['2026-10-06T10:30:00.000Z', '2026-10-06T12:00:00.000Z'],
      ['2026-11-03T11:30:00.000Z', '2026-11-03T13:00:00.000Z'],
    ]);
    expect(series.occurrences.every((m) => m.status === 'scheduled' && m.title === 'RCP mensuelle')).toBe(true);
    // Each is a meeting like any other: scheduling hears of it and blocks the agendas.
    const scheduled = (await app.events('coordination.meeting.scheduled.v1')).filter((e) => e.seriesId === series.id);
    expect(scheduled).toHaveLength(3);
  });

  it('extends as days pass, and extending twice (or from two replicas at once) creates nothing new', async () => {
    const series = (await createSeries({ title: 'RCP du premier mardi' })).data?.createMeetingSeries as SeriesView;
    expect(await seriesMeetings(series.id)).toHaveLength(3);
    await Promise.all([sweep(), sweep()]);
    await sweep();
    expect(await seriesMeetings(series.id)).toHaveLength(3);
    // A month later the horizon reaches 1 December (UTC+1, still 12:30 local).
    now = new Date('2026-10-05T06:00:00.000Z');
    await Promise.all([sweep(), sweep()]);
    await sweep();
    const meetings = await seriesMeetings(series.id);
    expect(meetings.map((m) => m.starts_at.toISOString())).toEqual([
      '2026-09-01T10:30:00.000Z',
      '2026-10-06T10:30:00.000Z',
      '2026-11-03T11:30:00.000Z',
      '2026-12-01T11:30:00.000Z',
    ]);
  });

  it('ending a series cancels its future meetings only, with their events', async () => {
    const series = (await createSeries({ title: 'Staff mensuel', kind: 'staff' })).data
      ?.createMeetingSeries as SeriesView;
    now = new Date('2026-09-10T06:00:00.000Z');
    const ended = await app.gql<{ endMeetingSeries: SeriesView }>(
      END,
      { input: { seriesId: series.id } },
      practice.coordinator.user,
    );
    expect(ended.errors).toBeUndefined();
    expect(ended.data?.endMeetingSeries.endedAt).toBe(now.toISOString());
    expect(ended.data?.endMeetingSeries.occurrences.map((m) => m.status)).toEqual([
      'scheduled',
      'cancelled',
      'cancelled',
    ]);
    const cancelled = (await app.events('coordination.meeting.cancelled.v1')).map((e) => e.meetingId);
    expect(cancelled).toEqual(expect.arrayContaining(series.occurrences.slice(1).map((m) => m.id)));
    expect(cancelled).not.toContain(series.occurrences[0].id);
    now = new Date('2026-12-20T06:00:00.000Z');
    await sweep();
    expect(await seriesMeetings(series.id)).toHaveLength(3);
  });

  it('refuses a bad rule naming input.rrule, and writes nothing', async () => {
    const before = await app.sql(`select count(*)::int as n from meeting_series`);
    for (const rrule of ['FREQ=HOURLY', 'FREQ=WEEKLY;BYHOUR=9,14', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', 'bogus']) {
      const result = await createSeries({ rrule });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.rrule' });
    }
    const time = await createSeries({ localStartTime: '12h30' });
    expect(time.errors?.[0]?.extensions).toMatchObject({ field: 'input.localStartTime' });
    expect(await app.sql(`select count(*)::int as n from meeting_series`)).toEqual(before);
  });

  describe('reminders', () => {
    const inbox = async (who: Practice['gps'][number]) =>
      (await app.ok<{ myNotifications: NotificationView[] }>(INBOX, { limit: 100 }, who.user)).myNotifications;

    it('delivers due reminders once, never a cancelled meeting’s, never to an invitee who declined', async () => {
      const { coordinator, gps, nurse, physio } = practice;
      now = new Date('2026-12-01T08:00:00.000Z');
      const kept = await scheduleMeeting(
        app,
        practice,
        coordinator,
        [gps[1], nurse],
        '2026-12-03T11:30:00Z',
        '2026-12-03T12:30:00Z',
      );
      const cancelled = await scheduleMeeting(
        app,
        practice,
        coordinator,
        [gps[1], physio],
        '2026-12-03T16:00:00Z',
        '2026-12-03T17:00:00Z',
      );
      await app.ok(
        `mutation { answerInvitation(input: { meetingId: "${kept.id}", answer: no }) { id } }`,
        {},
        nurse.user,
      );
      await app.ok(`mutation { cancelMeeting(input: { meetingId: "${cancelled.id}" }) { id } }`, {}, coordinator.user);

      // The day before, past both D-1 reminders (and the invitations, due at once).
      now = new Date('2026-12-02T17:00:00.000Z');
      await sweep();
      await sweep();
      const gp = await inbox(gps[1]);
      const reminders = gp.filter((n) => n.kind === 'reminder');
      expect(reminders).toEqual([
        expect.objectContaining({
          meetingId: kept.id,
          meetingTitle: 'RCP du mois',
          meetingStartsAt: '2026-12-03T11:30:00.000Z',
          dueAt: '2026-12-02T11:30:00.000Z',
          readAt: null,
        }),
      ]);
      expect(
        gp
          .filter((n) => n.meetingId === cancelled.id)
          .map((n) => n.kind)
          .sort(),
      ).toEqual(['cancelled']);
      // The nurse declined the kept meeting (her series meetings remind her as usual).
      expect((await inbox(nurse)).filter((n) => n.kind === 'reminder' && n.meetingId === kept.id)).toEqual([]);
      expect((await inbox(physio)).filter((n) => n.kind === 'reminder')).toEqual([]);

      // H-2: one more, delivered once however many sweeps run.
      now = new Date('2026-12-03T10:00:00.000Z');
      const told = jest.spyOn(app.app.get(MemberNotifier), 'deliver');
      await Promise.all([sweep(), sweep()]);
      await sweep();
      // The channels are told once too, with the meeting they need to say it.
      const toldOfKept = told.mock.calls
        .flatMap(([batch]) => batch as NotificationToDeliver[])
        .filter((d) => d.notification.meetingId === kept.id && d.notification.memberId === gps[1].id);
      expect(toldOfKept).toEqual([
        expect.objectContaining({
          notification: expect.objectContaining({ kind: 'reminder', dueAt: new Date('2026-12-03T09:30:00.000Z') }),
          meeting: expect.objectContaining({ title: 'RCP du mois', status: 'scheduled' }),
        }),
      ]);
      expect((await inbox(gps[1])).filter((n) => n.kind === 'reminder').map((n) => n.dueAt)).toEqual([
        '2026-12-03T09:30:00.000Z',
        '2026-12-02T11:30:00.000Z',
      ]);
      const deliveries = await app.sql<{ n: number }>(
        `select count(*)::int as n from notification where meeting_id = $1 and kind = 'reminder' and delivered_at is not null`,
        [kept.id],
      );
      // The organiser's two and the GP's two; the nurse declined.
      expect(deliveries).toEqual([{ n: 4 }]);
    });

    it('marks my notifications read, not another member’s', async () => {
      const { gps, nurse } = practice;
      const mine = await inbox(gps[1]);
      const theirs = await inbox(nurse);
      const marked = await app.ok<{ markNotificationsRead: number }>(
        `mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`,
        { ids: [mine[0].id, theirs[0].id] },
        gps[1].user,
      );
      expect(marked.markNotificationsRead).toBe(1);
      expect((await inbox(gps[1]))[0].readAt).toBe(now.toISOString());
      expect((await inbox(nurse)).find((n) => n.id === theirs[0].id)?.readAt).toBeNull();
    });
  });
});

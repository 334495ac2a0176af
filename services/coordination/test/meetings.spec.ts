import { randomUUID } from 'node:crypto';
import { expectEventually, TestEventPublisher } from '@msp/testing';
import { Clock } from '@msp/service-kit';
import { CoordinationTestApp } from './fixtures/coordination-test-app';
import { MEETING_FIELDS, openPractice, scheduleMeeting, type MeetingView, type Practice } from './fixtures/practice';

const NOW = new Date('2026-11-30T08:00:00.000Z');
const TUESDAY_NOON = '2026-12-08T11:30:00.000Z';
const TUESDAY_END = '2026-12-08T13:00:00.000Z';

/** COO-1, COO-2: a meeting placed, moved, cancelled and answered, with its events and refusals. */
describe('coordination meetings', () => {
  let app: CoordinationTestApp;
  let events: TestEventPublisher;
  let practice: Practice;

  beforeAll(async () => {
    events = await TestEventPublisher.start('coordination-spec-meetings');
    app = await CoordinationTestApp.start('coordination_meetings');
    practice = await openPractice(app, events);
  });

  beforeEach(() => {
    jest.spyOn(app.get(Clock), 'now').mockReturnValue(NOW);
  });

  afterAll(async () => {
    await app?.stop();
    await events?.stop();
  });

  const ownEvents = async (type: string, meetingId: string) =>
    (await app.events(type)).filter((e) => e.meetingId === meetingId);

  it('schedules a meeting: invitations, the organiser coming, the event scheduling blocks agendas from', async () => {
    const { coordinator, gps, nurse } = practice;
    const meeting = await scheduleMeeting(app, practice, coordinator, [gps[0], nurse], TUESDAY_NOON, TUESDAY_END);
    expect(meeting).toMatchObject({ status: 'scheduled', kind: 'rcp', organizerId: coordinator.id, version: 1 });
    expect(meeting.invitations.map((i) => [i.memberId, i.answer]).sort()).toEqual(
      [
        [coordinator.id, 'yes'],
        [gps[0].id, 'pending'],
        [nurse.id, 'pending'],
      ].sort(),
    );
    const [scheduled] = await ownEvents('coordination.meeting.scheduled.v1', meeting.id);
    expect(scheduled).toMatchObject({ structureId: practice.structureId, startsAt: TUESDAY_NOON, endsAt: TUESDAY_END });
    expect((scheduled.attendeeIds as string[]).sort()).toEqual([coordinator.id, gps[0].id, nurse.id].sort());
    const planned = await app.sql<{ kind: string; n: number }>(
      `select kind, count(*)::int as n from notification where meeting_id = $1 group by kind order by kind`,
      [meeting.id],
    );
    // Invitations to the two invitees; reminders the day before and two hours before, to all three.
    expect(planned).toEqual([
      { kind: 'invitation', n: 2 },
      { kind: 'reminder', n: 6 },
    ]);
  });

  it('refuses a meeting ending before it starts, naming the field, and writes nothing', async () => {
    const before = await app.sql(`select count(*)::int as n from meeting`);
    const result = await app.gql(
      `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
      {
        input: {
          structureId: practice.structureId,
          kind: 'rcp',
          title: 'RCP',
          siteId: practice.siteId,
          startsAt: TUESDAY_END,
          endsAt: TUESDAY_NOON,
          inviteeIds: [practice.nurse.id],
        },
      },
      practice.coordinator.user,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endsAt' });
    expect(await app.sql(`select count(*)::int as n from meeting`)).toEqual(before);
  });

  it('refuses an invitee of another structure by its position in the list', async () => {
    const result = await app.gql(
      `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
      {
        input: {
          structureId: practice.structureId,
          kind: 'staff',
          title: 'Staff',
          siteId: practice.siteId,
          startsAt: TUESDAY_NOON,
          endsAt: TUESDAY_END,
          inviteeIds: [practice.nurse.id, randomUUID()],
        },
      },
      practice.coordinator.user,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'COORDINATION.INVALID_INPUT',
      field: 'input.inviteeIds[1]',
    });
  });

  it('refuses a time where invitees have patients booked unless the coordinator says so', async () => {
    const { coordinator, gps } = practice;
    app.scheduling.routes.set('POST /internal/agenda/free-busy', ({ body }) => ({
      status: 200,
      body: {
        members: (body as { memberIds: string[] }).memberIds.map((memberId) => {
          const booked =
            memberId === gps[1].id ? [{ startsAt: '2026-12-09T11:30:00Z', endsAt: '2026-12-09T11:50:00Z' }] : [];
          return { memberId, busy: booked, patientBusy: booked, consultingHours: [] };
        }),
      },
    }));
    const refused = await app.gql(
      `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
      {
        input: {
          structureId: practice.structureId,
          kind: 'synthesis',
          title: 'Synthèse',
          siteId: practice.siteId,
          startsAt: '2026-12-09T11:00:00Z',
          endsAt: '2026-12-09T12:00:00Z',
          inviteeIds: [gps[1].id],
        },
      },
      coordinator.user,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'COORDINATION.ATTENDEES_BUSY' });
    expect(refused.errors?.[0]?.message).toContain(gps[1].id);
    const placed = await scheduleMeeting(
      app,
      practice,
      coordinator,
      [gps[1]],
      '2026-12-09T11:00:00Z',
      '2026-12-09T12:00:00Z',
      {
        placeOverBookedPatients: true,
      },
    );
    expect(placed.status).toBe('scheduled');
    // Scheduling then says it could not block that agenda: the invitation shows it.
    await events.publish('scheduling.meeting-block.refused.v1', {
      meetingId: placed.id,
      structureId: practice.structureId,
      memberId: gps[1].id,
      overlappingAppointments: 1,
      refusedAt: NOW.toISOString(),
    });
    await expectInvitation(placed.id, gps[1].id, { agendaRefused: true, overlappingAppointments: 1 });
  });

  it('moves a meeting, telling scheduling the former and the new time, and refuses a stale version', async () => {
    const { coordinator, nurse } = practice;
    const meeting = await scheduleMeeting(
      app,
      practice,
      coordinator,
      [nurse],
      '2026-12-10T11:30:00Z',
      '2026-12-10T13:00:00Z',
    );
    const move = (version: number) =>
      app.gql<{ rescheduleMeeting: MeetingView }>(
        `mutation($input: RescheduleMeetingInput!) { rescheduleMeeting(input: $input) { ${MEETING_FIELDS} } }`,
        {
          input: {
            meetingId: meeting.id,
            startsAt: '2026-12-17T11:30:00Z',
            endsAt: '2026-12-17T13:00:00Z',
            expectedVersion: version,
          },
        },
        coordinator.user,
      );
    const moved = await move(1);
    expect(moved.data?.rescheduleMeeting).toMatchObject({ startsAt: '2026-12-17T11:30:00.000Z', version: 2 });
    expect((await move(1)).errors?.[0]?.extensions).toMatchObject({ reason: 'COORDINATION.STALE_MEETING' });
    const [rescheduled] = await ownEvents('coordination.meeting.rescheduled.v1', meeting.id);
    expect(rescheduled).toMatchObject({
      previousStartsAt: '2026-12-10T11:30:00.000Z',
      startsAt: '2026-12-17T11:30:00.000Z',
    });
  });

  it('cancels a meeting once; a cancelled meeting cannot move', async () => {
    const { coordinator, nurse } = practice;
    const meeting = await scheduleMeeting(
      app,
      practice,
      coordinator,
      [nurse],
      '2026-12-11T11:30:00Z',
      '2026-12-11T13:00:00Z',
    );
    const cancel = () =>
      app.gql<{ cancelMeeting: MeetingView }>(
        `mutation($input: CancelMeetingInput!) { cancelMeeting(input: $input) { status cancelReason } }`,
        { input: { meetingId: meeting.id, reason: 'Grève des transports' } },
        coordinator.user,
      );
    expect((await cancel()).data?.cancelMeeting).toEqual({ status: 'cancelled', cancelReason: 'Grève des transports' });
    expect((await cancel()).errors?.[0]?.extensions).toMatchObject({ reason: 'COORDINATION.MEETING_STATE' });
    expect(await ownEvents('coordination.meeting.cancelled.v1', meeting.id)).toHaveLength(1);
    const pendingReminders = await app.sql(
      `select 1 from notification where meeting_id = $1 and kind = 'reminder' and delivered_at is null`,
      [meeting.id],
    );
    expect(pendingReminders).toHaveLength(0);
  });

  it('lets an invitee answer for themself; a no frees their agenda, an outsider cannot answer', async () => {
    const { coordinator, physio, pharmacist } = practice;
    const meeting = await scheduleMeeting(
      app,
      practice,
      coordinator,
      [physio],
      '2026-12-14T11:30:00Z',
      '2026-12-14T13:00:00Z',
    );
    const answer = (who: typeof physio, value: string) =>
      app.gql<{ answerInvitation: MeetingView }>(
        `mutation($input: AnswerInvitationInput!) { answerInvitation(input: $input) { ${MEETING_FIELDS} } }`,
        { input: { meetingId: meeting.id, answer: value } },
        who.user,
      );
    const answered = await answer(physio, 'no');
    expect(answered.data?.answerInvitation.invitations.find((i) => i.memberId === physio.id)?.answer).toBe('no');
    expect(await ownEvents('coordination.invitation.answered.v1', meeting.id)).toEqual([
      expect.objectContaining({ memberId: physio.id, answer: 'no' }),
    ]);
    expect((await answer(pharmacist, 'yes')).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it("answers NOT_FOUND for another structure's meeting, as for a missing one", async () => {
    const meeting = await scheduleMeeting(
      app,
      practice,
      practice.coordinator,
      [practice.nurse],
      TUESDAY_NOON,
      TUESDAY_END,
    );
    const stranger = {
      memberId: randomUUID(),
      memberships: [{ structureId: randomUUID(), roles: ['coordinator' as const], siteIds: [] }],
    };
    const result = await app.gql(`query($id: ID!) { meeting(id: $id) { id } }`, { id: meeting.id }, stranger);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  async function expectInvitation(meetingId: string, memberId: string, expected: Record<string, unknown>) {
    await expectEventually(
      async () => {
        const { meeting } = await app.ok<{ meeting: MeetingView }>(
          `query($id: ID!) { meeting(id: $id) { ${MEETING_FIELDS} } }`,
          { id: meetingId },
          practice.coordinator.user,
        );
        expect(meeting.invitations.find((i) => i.memberId === memberId)).toMatchObject(expected);
      },
      30_000,
      200,
    );
  }
});

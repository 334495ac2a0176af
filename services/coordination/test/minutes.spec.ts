import { randomUUID } from 'node:crypto';
import { TestEventPublisher } from '@msp/testing';
import { CoordinationTestApp } from './fixtures/coordination-test-app';
import {
  addActionItem,
  addCase,
  CLOSE_MINUTES,
  clockAt,
  closeMinutes,
  heldMeeting,
  MINUTES_FIELDS,
  recordDecision,
  type MinutesView,
} from './fixtures/minutes';
import { openPractice, scheduleMeeting, type Practice } from './fixtures/practice';

const NOW = '2026-11-30T08:00:00.000Z';

/** COO-5: decisions, action items and protocols of a held meeting, closed once with their events. */
describe('coordination minutes', () => {
  let app: CoordinationTestApp;
  let events: TestEventPublisher;
  let practice: Practice;
  let other: Practice;

  beforeAll(async () => {
    events = await TestEventPublisher.start('coordination-spec-minutes');
    app = await CoordinationTestApp.start('coordination_minutes');
    [practice, other] = await Promise.all([openPractice(app, events), openPractice(app, events)]);
  });

  beforeEach(() => clockAt(app, NOW));

  afterAll(async () => {
    await app?.stop();
    await events?.stop();
  });

  const ownEvents = async (type: string, meetingId: string) =>
    (await app.events(type)).filter((e) => e.meetingId === meetingId);
  const written = async (meetingId: string) =>
    (
      await app.sql<{ n: number }>(
        `select ((select count(*) from decision where meeting_id = $1) + (select count(*) from action_item
                 where meeting_id = $1) + (select count(*) from meeting_protocol where meeting_id = $1))::int as n`,
        [meetingId],
      )
    )[0]!.n;
  const present = (): Parameters<typeof heldMeeting>[3] => [
    [practice.coordinator, 'present'],
    [practice.gps[0], 'present'],
    [practice.nurse, 'present'],
  ];

  it('refuses minutes for a meeting not held — closing, a decision, an action item — naming input.meetingId; nothing written', async () => {
    const meeting = await scheduleMeeting(
      app,
      practice,
      practice.coordinator,
      [practice.gps[0]],
      '2026-12-08T11:30:00.000Z',
      '2026-12-08T13:00:00.000Z',
    );
    clockAt(app, '2026-12-08T14:00:00.000Z');
    const refusals = [
      await app.gql(CLOSE_MINUTES, { input: { meetingId: meeting.id } }, practice.coordinator.user),
      await app.gql(
        `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { meetingId } }`,
        { input: { meetingId: meeting.id, text: 'Décision' } },
        practice.coordinator.user,
      ),
      await app.gql(
        `mutation($input: AddActionItemInput!) { addActionItem(input: $input) { meetingId } }`,
        { input: { meetingId: meeting.id, description: 'Action' } },
        practice.coordinator.user,
      ),
    ];
    for (const refused of refusals) {
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'COORDINATION.MEETING_STATE',
        field: 'input.meetingId',
      });
      expect(refused.errors?.[0]?.message).toMatch(/minutes for a meeting not held/);
    }
    expect(await written(meeting.id)).toBe(0);
    expect(await app.sql(`select minutes_closed_at from meeting where id = $1`, [meeting.id])).toEqual([
      { minutes_closed_at: null },
    ]);
  });

  it('closes the minutes once, telling each case reviewed, decision and action item with the contract’s fields', async () => {
    const { coordinator, gps, nurse } = practice;
    const patientId = randomUUID();
    const protocolId = randomUUID();
    const { meeting, cases } = await heldMeeting(app, practice, '2026-12-09T11:30:00.000Z', present(), {
      cases: [{ presenter: gps[0], patientId }],
    });
    const caseId = cases[0]!.id;
    await recordDecision(app, coordinator, { meetingId: meeting.id, caseId, text: 'Passage IDE deux fois par jour' });
    await recordDecision(app, coordinator, { meetingId: meeting.id, text: 'Adopter le protocole', protocolId });
    await addActionItem(app, coordinator, {
      meetingId: meeting.id,
      caseId,
      description: 'Organiser le passage IDE',
      assigneeId: nurse.id,
      dueAt: '2026-12-15T17:00:00.000Z',
      taskType: 'professional_coordination',
    });
    const { referenceProtocol } = await app.ok<{ referenceProtocol: MinutesView }>(
      `mutation($input: ReferenceProtocolInput!) { referenceProtocol(input: $input) { ${MINUTES_FIELDS} } }`,
      { input: { meetingId: meeting.id, protocolId, relation: 'adopted' } },
      coordinator.user,
    );
    expect(referenceProtocol).toMatchObject({
      closedAt: null,
      decisions: [expect.objectContaining({ caseId }), expect.objectContaining({ caseId: null, protocolId })],
      protocols: [{ protocolId, relation: 'adopted' }],
    });

    clockAt(app, '2026-12-09T14:00:00.000Z');
    const closed = await closeMinutes(app, coordinator, meeting.id);
    expect(closed.minutesClosedAt).toBe('2026-12-09T14:00:00.000Z');
    const base = { meetingId: meeting.id, structureId: practice.structureId };
    expect(await ownEvents('coordination.case.reviewed.v1', meeting.id)).toEqual([
      {
        ...base,
        caseId,
        kind: 'rcp',
        patientId,
        theme: 'complex_patient',
        presenterId: gps[0].id,
        pluriprofessional: true,
        reviewedAt: '2026-12-09T14:00:00.000Z',
      },
    ]);
    const decisions = await ownEvents('coordination.decision.recorded.v1', meeting.id);
    expect(decisions).toHaveLength(2);
    expect(decisions).toContainEqual(expect.objectContaining({ ...base, caseId, protocolId: null }));
    expect(decisions).toContainEqual(expect.objectContaining({ ...base, caseId: null, protocolId }));
    const [item] = referenceProtocol.actionItems;
    expect(await ownEvents('coordination.action-item.created.v1', meeting.id)).toEqual([
      {
        ...base,
        actionItemId: item!.id,
        siteId: practice.siteId,
        assigneeId: nurse.id,
        taskType: 'professional_coordination',
        protocolId: null,
        patientId,
        dueAt: '2026-12-15T17:00:00.000Z',
        createdAt: '2026-12-09T14:00:00.000Z',
      },
    ]);
  });

  it('refuses a second closing and every write after it: the minutes are read-only', async () => {
    const { coordinator, gps } = practice;
    const { meeting, cases } = await heldMeeting(app, practice, '2026-12-10T11:30:00.000Z', present(), {
      cases: [{ presenter: gps[0] }],
    });
    await recordDecision(app, coordinator, { meetingId: meeting.id, text: 'Une décision' });
    await closeMinutes(app, coordinator, meeting.id);
    const before = await written(meeting.id);
    const again = await app.gql(CLOSE_MINUTES, { input: { meetingId: meeting.id } }, coordinator.user);
    expect(again.errors?.[0]?.extensions).toMatchObject({
      reason: 'COORDINATION.MEETING_STATE',
      field: 'input.meetingId',
    });
    expect(again.errors?.[0]?.message).toMatch(/already closed/);
    const writes = [
      app.gql(
        `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { meetingId } }`,
        { input: { meetingId: meeting.id, text: 'Trop tard' } },
        coordinator.user,
      ),
      app.gql(
        `mutation($input: AddMeetingCaseInput!) { addMeetingCase(input: $input) { id } }`,
        {
          input: {
            meetingId: meeting.id,
            patientId: randomUUID(),
            reason: 'Trop tard',
            theme: 'other',
            presenterId: gps[0].id,
          },
        },
        coordinator.user,
      ),
      app.gql(`mutation($id: ID!) { removeMeetingCase(caseId: $id) }`, { id: cases[0]!.id }, coordinator.user),
      app.gql(
        `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }`,
        { input: { meetingId: meeting.id, entries: [{ memberId: gps[0].id, status: 'present' }] } },
        coordinator.user,
      ),
    ];
    for (const refused of await Promise.all(writes))
      expect(refused.errors?.[0]?.extensions).toMatchObject({ reason: 'COORDINATION.MEETING_STATE' });
    expect(await written(meeting.id)).toBe(before);
    expect(await ownEvents('coordination.decision.recorded.v1', meeting.id)).toHaveLength(1);
    expect(await ownEvents('coordination.attendance.recorded.v1', meeting.id)).toHaveLength(1);
  });

  it('refuses an action item for a member of another structure or due before the meeting, naming the field', async () => {
    const { meeting } = await heldMeeting(app, practice, '2026-12-11T11:30:00.000Z', present());
    const add = (input: Record<string, unknown>) =>
      app.gql(
        `mutation($input: AddActionItemInput!) { addActionItem(input: $input) { meetingId } }`,
        { input: { meetingId: meeting.id, description: 'Appeler la famille', ...input } },
        practice.coordinator.user,
      );
    expect((await add({ assigneeId: other.nurse.id })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.assigneeId',
    });
    expect((await add({ dueAt: '2026-12-01T10:00:00Z' })).errors?.[0]?.extensions).toMatchObject({
      field: 'input.dueAt',
    });
    expect((await add({ taskType: 'Not A Code' })).errors?.[0]?.extensions).toMatchObject({
      field: 'input.taskType',
    });
    expect((await add({ caseId: randomUUID() })).errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.caseId',
    });
    expect(await written(meeting.id)).toBe(0);
  });

  it('shows the minutes to members of the structure only; another structure’s coordinator cannot close them', async () => {
    const { meeting } = await heldMeeting(app, practice, '2026-12-14T11:30:00.000Z', present());
    await addCase(app, practice.coordinator, meeting.id, practice.gps[0]);
    const read = `query($id: ID!) { meetingMinutes(meetingId: $id) { meetingId closedAt cases { id } } }`;
    expect(
      (await app.ok<{ meetingMinutes: MinutesView }>(read, { id: meeting.id }, practice.secretary.user)).meetingMinutes
        .cases,
    ).toHaveLength(1);
    expect((await app.gql(read, { id: meeting.id }, other.coordinator.user)).errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
    });
    const closing = await app.gql(CLOSE_MINUTES, { input: { meetingId: meeting.id } }, other.coordinator.user);
    expect(closing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.meetingId' });
    const bySecretary = await app.gql(CLOSE_MINUTES, { input: { meetingId: meeting.id } }, practice.secretary.user);
    expect(bySecretary.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

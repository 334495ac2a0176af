import { randomUUID } from 'node:crypto';
import { TestEventPublisher } from '@msp/testing';
import { CoordinationTestApp } from './fixtures/coordination-test-app';
import {
  addCase,
  CASE_FIELDS,
  clockAt,
  closeMinutes,
  heldMeeting,
  RECORD_ATTENDANCE,
  recordAttendance,
} from './fixtures/minutes';
import { openPractice, scheduleMeeting, type Practice } from './fixtures/practice';

const NOW = '2026-11-30T08:00:00.000Z';
const STARTS = '2026-12-08T11:30:00.000Z';
const ENDS = '2026-12-08T13:00:00.000Z';

/** COO-3, COO-4: the agenda of cases, attendance and the pluriprofessional rule. */
describe('coordination cases and attendance', () => {
  let app: CoordinationTestApp;
  let events: TestEventPublisher;
  let practice: Practice;
  let other: Practice;

  beforeAll(async () => {
    events = await TestEventPublisher.start('coordination-spec-attendance');
    app = await CoordinationTestApp.start('coordination_attendance');
    [practice, other] = await Promise.all([openPractice(app, events), openPractice(app, events)]);
  });

  beforeEach(() => clockAt(app, NOW));

  afterAll(async () => {
    await app?.stop();
    await events?.stop();
  });

  const ownEvents = async (type: string, meetingId: string) =>
    (await app.events(type)).filter((e) => e.meetingId === meetingId);
  const count = async (table: string, meetingId: string) =>
    (await app.sql<{ n: number }>(`select count(*)::int as n from ${table} where meeting_id = $1`, [meetingId]))[0]!.n;
  const plan = () =>
    scheduleMeeting(app, practice, practice.coordinator, [practice.gps[0], practice.nurse], STARTS, ENDS);

  it('puts cases on the agenda in order, with their theme and presenter; the same patient twice is refused', async () => {
    const meeting = await plan();
    const patientId = randomUUID();
    const first = await addCase(app, practice.coordinator, meeting.id, practice.gps[0], {
      patientId,
      theme: 'palliative_care',
      reason: 'Douleurs mal contrôlées',
    });
    const second = await addCase(app, practice.coordinator, meeting.id, practice.nurse);
    expect(first).toMatchObject({ patientId, theme: 'palliative_care', presenterId: practice.gps[0].id, position: 1 });
    expect(second.position).toBe(2);
    const again = await app.gql(
      `mutation($input: AddMeetingCaseInput!) { addMeetingCase(input: $input) { id } }`,
      {
        input: { meetingId: meeting.id, patientId, reason: 'Encore', theme: 'other', presenterId: practice.nurse.id },
      },
      practice.coordinator.user,
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'COORDINATION.INVALID_INPUT',
      field: 'input.patientId',
    });
    expect(await count('meeting_case', meeting.id)).toBe(2);

    const updated = await app.ok<{ updateMeetingCase: { theme: string; reason: string } }>(
      `mutation($input: UpdateMeetingCaseInput!) { updateMeetingCase(input: $input) { ${CASE_FIELDS} } }`,
      { input: { caseId: second.id, theme: 'mental_health' } },
      practice.coordinator.user,
    );
    expect(updated.updateMeetingCase).toMatchObject({ theme: 'mental_health', reason: second.reason });
    await app.ok(`mutation($id: ID!) { removeMeetingCase(caseId: $id) }`, { id: first.id }, practice.coordinator.user);
    expect(await count('meeting_case', meeting.id)).toBe(1);
  });

  it('refuses a case presented by a member of another structure, naming input.presenterId, and writes nothing', async () => {
    const meeting = await plan();
    const result = await app.gql(
      `mutation($input: AddMeetingCaseInput!) { addMeetingCase(input: $input) { id } }`,
      {
        input: {
          meetingId: meeting.id,
          patientId: randomUUID(),
          reason: 'Patient complexe',
          theme: 'complex_patient',
          presenterId: other.gps[0].id,
        },
      },
      practice.coordinator.user,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'COORDINATION.INVALID_INPUT',
      field: 'input.presenterId',
    });
    expect(await count('meeting_case', meeting.id)).toBe(0);
  });

  it('answers NOT_FOUND to another structure’s coordinator adding a case', async () => {
    const meeting = await plan();
    const result = await app.gql(
      `mutation($input: AddMeetingCaseInput!) { addMeetingCase(input: $input) { id } }`,
      {
        input: {
          meetingId: meeting.id,
          patientId: randomUUID(),
          reason: 'x',
          theme: 'other',
          presenterId: other.gps[0].id,
        },
      },
      other.coordinator.user,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.meetingId' });
  });

  it('refuses attendance before the meeting starts, naming input.meetingId, and leaves it scheduled', async () => {
    const meeting = await plan();
    clockAt(app, '2026-12-08T11:29:00.000Z');
    const result = await app.gql(
      RECORD_ATTENDANCE,
      { input: { meetingId: meeting.id, entries: [{ memberId: practice.gps[0].id, status: 'present' }] } },
      practice.coordinator.user,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'COORDINATION.MEETING_STATE',
      field: 'input.meetingId',
    });
    const [row] = await app.sql(`select status, held_at from meeting where id = $1`, [meeting.id]);
    expect(row).toEqual({ status: 'scheduled', held_at: null });
    expect(
      await app.sql(`select 1 from invitation where meeting_id = $1 and attendance is not null`, [meeting.id]),
    ).toHaveLength(0);
    expect(await ownEvents('coordination.meeting.held.v1', meeting.id)).toHaveLength(0);
  });

  it('refuses a member of another structure in the attendance by position, and writes nothing', async () => {
    const meeting = await plan();
    clockAt(app, STARTS);
    const result = await app.gql(
      RECORD_ATTENDANCE,
      {
        input: {
          meetingId: meeting.id,
          entries: [
            { memberId: practice.gps[0].id, status: 'present' },
            { memberId: other.nurse.id, status: 'present' },
          ],
        },
      },
      practice.coordinator.user,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'COORDINATION.INVALID_INPUT',
      field: 'input.entries[1].memberId',
    });
    expect(await app.sql(`select status from meeting where id = $1`, [meeting.id])).toEqual([{ status: 'scheduled' }]);
    expect(await ownEvents('coordination.attendance.recorded.v1', meeting.id)).toHaveLength(0);
  });

  it('records attendance: the meeting is held, professions present and the verdict told; held once, attendance each time', async () => {
    const { coordinator, gps, nurse, pharmacist } = practice;
    const { meeting } = await heldMeeting(app, practice, STARTS, [
      [coordinator, 'present'],
      [gps[0], 'present'],
      [nurse, 'present'],
      [gps[1], 'excused'],
    ]);
    expect(meeting).toMatchObject({
      status: 'held',
      pluriprofessional: true,
      professionsPresent: ['care_coordinator', 'general_practitioner', 'nurse'],
    });
    // A correction: the nurse was in fact absent; the pharmacist came without an invitation.
    const corrected = await recordAttendance(app, coordinator, meeting.id, [
      [coordinator, 'present'],
      [gps[0], 'present'],
      [nurse, 'absent'],
      [gps[1], 'excused'],
      [pharmacist, 'present'],
    ]);
    expect(corrected.professionsPresent).toEqual(['care_coordinator', 'general_practitioner', 'pharmacist']);
    expect(corrected.invitations.find((i) => i.memberId === pharmacist.id)?.attendance).toBe('present');
    expect(await ownEvents('coordination.meeting.held.v1', meeting.id)).toEqual([
      expect.objectContaining({ structureId: practice.structureId, kind: 'rcp', startsAt: STARTS }),
    ]);
    const recorded = await ownEvents('coordination.attendance.recorded.v1', meeting.id);
    expect(recorded).toHaveLength(2);
    expect(recorded[1]).toMatchObject({
      absentIds: [nurse.id],
      excusedIds: [gps[1].id],
      pluriprofessional: true,
    });
    expect((recorded[1]!.presentIds as string[]).sort()).toEqual([coordinator.id, gps[0].id, pharmacist.id].sort());
  });

  it('A meeting with only one profession present is recorded but not counted as pluriprofessional', async () => {
    const { coordinator, gps, nurse } = practice;
    const { meeting, cases } = await heldMeeting(
      app,
      practice,
      '2026-12-09T11:30:00.000Z',
      [
        [gps[0], 'present'],
        [gps[1], 'present'],
        [nurse, 'absent'],
        [coordinator, 'absent'],
      ],
      { cases: [{ presenter: gps[0] }] },
    );
    expect(meeting).toMatchObject({
      status: 'held',
      professionsPresent: ['general_practitioner'],
      pluriprofessional: false,
    });
    const [recorded] = await ownEvents('coordination.attendance.recorded.v1', meeting.id);
    expect(recorded).toMatchObject({ professionsPresent: ['general_practitioner'], pluriprofessional: false });
    // The written trace still closes; what indicators read says it does not count.
    await closeMinutes(app, coordinator, meeting.id);
    expect(await ownEvents('coordination.case.reviewed.v1', meeting.id)).toEqual([
      expect.objectContaining({ caseId: cases[0]!.id, pluriprofessional: false }),
    ]);
  });

  it('applies the structure’s own rule, set by a coordinator only, to the attendance recorded afterwards', async () => {
    const setRule = `mutation($input: SetPluriprofessionalRuleInput!) {
      setPluriprofessionalRule(input: $input) { structureId minProfessions physicianRequired updatedBy } }`;
    const input = { structureId: practice.structureId, minProfessions: 3, physicianRequired: true };
    const refused = await app.gql(setRule, { input }, practice.gps[0].user);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { setPluriprofessionalRule } = await app.ok<{ setPluriprofessionalRule: Record<string, unknown> }>(
      setRule,
      { input },
      practice.coordinator.user,
    );
    expect(setPluriprofessionalRule).toMatchObject({ minProfessions: 3, updatedBy: practice.coordinator.id });
    try {
      const { meeting } = await heldMeeting(app, practice, '2026-12-10T11:30:00.000Z', [
        [practice.gps[0], 'present'],
        [practice.nurse, 'present'],
      ]);
      // Two professions, one a physician's: enough by default, not under this structure's rule of three.
      expect(meeting.pluriprofessional).toBe(false);
    } finally {
      await app.ok(setRule, { input: { ...input, minProfessions: 2 } }, practice.coordinator.user);
    }
  });
});

import { CoordinationError } from './coordination-error';
import type { AttendanceStatus, MeetingStatus } from './meeting';

/** What the minutes' rules look at in a meeting. */
export interface MinutesState {
  status: MeetingStatus;
  startsAt: Date;
  minutesClosedAt: Date | null;
}

export const ATTENDANCE_STATUSES: readonly AttendanceStatus[] = ['present', 'excused', 'absent'];
export const MAX_DECISIONS_PER_MEETING = 100;
export const MAX_ACTION_ITEMS_PER_MEETING = 100;
export const MAX_DECISION_LENGTH = 2_000;
/** Delegation's catalogue codes (the action-item contract's pattern). */
const TASK_TYPE = /^[a-z][a-z0-9_]{1,63}$/;

const FIELD = 'input.meetingId';

function assertNotClosed(meeting: MinutesState): void {
  if (meeting.minutesClosedAt)
    throw CoordinationError.meetingState(`${FIELD}: the minutes are closed and read-only`, FIELD);
}

/** Cases are put on the agenda before the meeting and amended until its minutes close (COO-3). */
export function assertAgendaOpen(meeting: MinutesState): void {
  if (meeting.status === 'cancelled')
    throw CoordinationError.meetingState(`${FIELD}: the meeting is cancelled: its agenda is closed`, FIELD);
  assertNotClosed(meeting);
}

/** Attendance is told once the meeting has started, and corrected until its minutes close (COO-4). */
export function assertAttendanceOpen(meeting: MinutesState, now: Date): void {
  if (meeting.status === 'cancelled')
    throw CoordinationError.meetingState(`${FIELD}: the meeting is cancelled: nobody attended`, FIELD);
  assertNotClosed(meeting);
  if (now.getTime() < meeting.startsAt.getTime())
    throw CoordinationError.meetingState(
      `${FIELD}: the meeting has not started: attendance is recorded from its start`,
      FIELD,
    );
}

/** Decisions and action items are written on a held meeting (its attendance recorded), until the minutes close. */
export function assertMinutesWritable(meeting: MinutesState): void {
  assertNotClosed(meeting);
  if (meeting.status !== 'held')
    throw CoordinationError.meetingState(
      `${FIELD}: minutes for a meeting not held: record its attendance first`,
      FIELD,
    );
}

/** The minutes close once, on a held meeting. */
export function assertClosable(meeting: MinutesState): void {
  if (meeting.minutesClosedAt) throw CoordinationError.meetingState(`${FIELD}: the minutes are already closed`, FIELD);
  if (meeting.status !== 'held')
    throw CoordinationError.meetingState(
      `${FIELD}: minutes for a meeting not held: record its attendance first`,
      FIELD,
    );
}

export function checkAttendanceStatus(status: string, field: string): AttendanceStatus {
  if (!(ATTENDANCE_STATUSES as readonly string[]).includes(status))
    throw CoordinationError.invalid(field, `must be one of ${ATTENDANCE_STATUSES.join(', ')}`);
  return status as AttendanceStatus;
}

export function checkTaskType(code: string, field: string): string {
  if (!TASK_TYPE.test(code))
    throw CoordinationError.invalid(field, 'must be a task type code of delegation’s catalogue (a-z, 0-9, _)');
  return code;
}

import type { Meeting } from '../../../application/ports/meeting.repository';
import type {
  AttendanceStatusEnum,
  InvitationAnswerEnum,
  MeetingKindEnum,
  MeetingStatusEnum,
} from '../types/coordination-enums';
import type { MeetingType } from '../types/meeting.types';

export const toMeetingType = (m: Meeting): MeetingType => ({
  ...m,
  kind: m.kind as MeetingKindEnum,
  status: m.status as MeetingStatusEnum,
  invitations: m.invitations.map((i) => ({
    ...i,
    answer: i.answer as InvitationAnswerEnum,
    attendance: i.attendance as AttendanceStatusEnum | null,
  })),
});

import { registerEnumType } from '@nestjs/graphql';

/** GraphQL enums over the domain's codes: the values are the codes themselves. */
export enum MeetingKindEnum {
  rcp = 'rcp',
  synthesis = 'synthesis',
  staff = 'staff',
  cpts_working_group = 'cpts_working_group',
  training = 'training',
}
export enum MeetingStatusEnum {
  scheduled = 'scheduled',
  held = 'held',
  cancelled = 'cancelled',
}
export enum InvitationAnswerEnum {
  pending = 'pending',
  yes = 'yes',
  no = 'no',
  maybe = 'maybe',
}
export enum AttendanceStatusEnum {
  present = 'present',
  excused = 'excused',
  absent = 'absent',
}

registerEnumType(MeetingKindEnum, {
  name: 'MeetingKind',
  description: 'rcp (concertation pluriprofessionnelle), synthesis, staff, cpts_working_group, training',
});
registerEnumType(MeetingStatusEnum, {
  name: 'MeetingStatus',
  description: 'scheduled; held (attendance recorded); cancelled',
});
registerEnumType(InvitationAnswerEnum, { name: 'InvitationAnswer' });
registerEnumType(AttendanceStatusEnum, { name: 'AttendanceStatus' });

import { registerEnumType } from '@nestjs/graphql';
import { FOLLOW_UP_EXAMS, type FollowUpExamV1 } from '@msp/contracts';

/** GraphQL names in upper case; the values handlers receive are the domain's. */
export enum ConsultationChannelGql {
  CABINET = 'cabinet',
  HOME_VISIT = 'home_visit',
  TELECONSULTATION = 'teleconsultation',
}

export enum BookingChannelGql {
  STAFF = 'staff',
  ONLINE = 'online',
  VIRTUAL_SECRETARY = 'virtual_secretary',
}

export enum AppointmentStatusGql {
  BOOKED = 'booked',
  HELD = 'held',
  CONFIRMED = 'confirmed',
  ARRIVED = 'arrived',
  IN_CONSULTATION = 'in_consultation',
  DONE = 'done',
  NO_SHOW = 'no_show',
  CANCELLED = 'cancelled',
}

export enum AbsenceKindGql {
  ABSENCE = 'absence',
  HOLIDAY = 'holiday',
  TRAINING = 'training',
  BLOCKED = 'blocked',
}

export enum CancelReasonGql {
  PATIENT_REQUEST = 'patient_request',
  PRACTITIONER_ABSENT = 'practitioner_absent',
  DUPLICATE = 'duplicate',
  RESCHEDULED = 'rescheduled',
  OTHER = 'other',
}

export enum CancellationPartyGql {
  PATIENT = 'patient',
  PRACTITIONER = 'practitioner',
  STAFF = 'staff',
  VIRTUAL_SECRETARY = 'virtual_secretary',
}

/** The contract's exam codes (`FOLLOW_UP_EXAMS`), upper-cased: a code added there is offered here. */
export const FollowUpExamGql = Object.fromEntries(FOLLOW_UP_EXAMS.map((exam) => [exam.toUpperCase(), exam])) as {
  [Exam in FollowUpExamV1 as Uppercase<Exam>]: Exam;
};

registerEnumType(ConsultationChannelGql, { name: 'ConsultationChannel' });
registerEnumType(BookingChannelGql, {
  name: 'BookingChannel',
  description: 'Who books: staff, a patient online, the virtual secretary',
});
registerEnumType(AppointmentStatusGql, { name: 'AppointmentStatus' });
registerEnumType(AbsenceKindGql, { name: 'AbsenceKind' });
registerEnumType(CancelReasonGql, { name: 'CancelReason' });
registerEnumType(CancellationPartyGql, { name: 'CancellationParty' });
registerEnumType(FollowUpExamGql, {
  name: 'FollowUpExam',
  description: 'A complementary exam whose result the team chases after a consultation',
});

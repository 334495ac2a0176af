import { registerEnumType } from '@nestjs/graphql';

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

registerEnumType(ConsultationChannelGql, { name: 'ConsultationChannel' });
registerEnumType(BookingChannelGql, {
  name: 'BookingChannel',
  description: 'Who books: staff, a patient online, the virtual secretary',
});
registerEnumType(AppointmentStatusGql, { name: 'AppointmentStatus' });
registerEnumType(AbsenceKindGql, { name: 'AbsenceKind' });
registerEnumType(CancelReasonGql, { name: 'CancelReason' });
registerEnumType(CancellationPartyGql, { name: 'CancellationParty' });

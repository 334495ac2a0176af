import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AppointmentStatus } from '../agenda.queries';

export type CancelReason = 'PATIENT_REQUEST' | 'PRACTITIONER_ABSENT' | 'DUPLICATE' | 'RESCHEDULED' | 'OTHER';
export const CANCEL_REASONS: readonly CancelReason[] = [
  'PATIENT_REQUEST',
  'PRACTITIONER_ABSENT',
  'DUPLICATE',
  'RESCHEDULED',
  'OTHER',
];
export type CancellationParty = 'PATIENT' | 'PRACTITIONER' | 'STAFF';

interface ChangedAppointment {
  id: string;
  status: AppointmentStatus;
  startsAt: string;
  endsAt: string;
}

/** What every step of an appointment answers: enough for the agenda's cache to redraw it. */
const CHANGED_APPOINTMENT = gql`
  fragment ConsoleChangedAppointment on Appointment {
    id
    status
    startsAt
    endsAt
  }
`;

type StepVariables = { input: { appointmentId: string } };

export const MARK_ARRIVED: TypedDocumentNode<{ markArrived: ChangedAppointment }, StepVariables> = gql`
  mutation ConsoleMarkArrived($input: AppointmentStepInput!) {
    markArrived(input: $input) {
      ...ConsoleChangedAppointment
    }
  }
  ${CHANGED_APPOINTMENT}
`;

export const START_CONSULTATION: TypedDocumentNode<{ startConsultation: ChangedAppointment }, StepVariables> = gql`
  mutation ConsoleStartConsultation($input: AppointmentStepInput!) {
    startConsultation(input: $input) {
      ...ConsoleChangedAppointment
    }
  }
  ${CHANGED_APPOINTMENT}
`;

export const COMPLETE_APPOINTMENT: TypedDocumentNode<
  { completeAppointment: ChangedAppointment },
  { input: { appointmentId: string } }
> = gql`
  mutation ConsoleCompleteAppointment($input: CompleteAppointmentInput!) {
    completeAppointment(input: $input) {
      ...ConsoleChangedAppointment
    }
  }
  ${CHANGED_APPOINTMENT}
`;

export const MARK_NO_SHOW: TypedDocumentNode<{ markNoShow: ChangedAppointment }, StepVariables> = gql`
  mutation ConsoleMarkNoShow($input: AppointmentStepInput!) {
    markNoShow(input: $input) {
      ...ConsoleChangedAppointment
    }
  }
  ${CHANGED_APPOINTMENT}
`;

export const CANCEL_APPOINTMENT: TypedDocumentNode<
  { cancelAppointment: ChangedAppointment },
  { input: { appointmentId: string; reason: CancelReason; cancelledBy: CancellationParty | null } }
> = gql`
  mutation ConsoleCancelAppointment($input: CancelAppointmentInput!) {
    cancelAppointment(input: $input) {
      ...ConsoleChangedAppointment
    }
  }
  ${CHANGED_APPOINTMENT}
`;

export const RESCHEDULE_APPOINTMENT: TypedDocumentNode<
  { rescheduleAppointment: ChangedAppointment },
  { input: { appointmentId: string; startsAt: string } }
> = gql`
  mutation ConsoleRescheduleAppointment($input: RescheduleAppointmentInput!) {
    rescheduleAppointment(input: $input) {
      ...ConsoleChangedAppointment
    }
  }
  ${CHANGED_APPOINTMENT}
`;

export type OnlineIdentity = 'KNOWN_PATIENT' | 'NEW_PATIENT' | 'UNKNOWN_PATIENT';

export interface OnlineBookingRequest {
  id: string;
  holdId: string;
  identity: OnlineIdentity;
  patientId: string | null;
  practitionerId: string;
  siteId: string;
  motifId: string;
  startsAt: string;
  endsAt: string;
  holdExpiresAt: string;
  createdAt: string;
}

export const ONLINE_BOOKING_REQUESTS: TypedDocumentNode<
  { onlineBookingRequests: OnlineBookingRequest[] },
  { structureId: string }
> = gql`
  query ConsoleOnlineBookingRequests($structureId: ID!) {
    onlineBookingRequests(structureId: $structureId) {
      id
      holdId
      identity
      patientId
      practitionerId
      siteId
      motifId
      startsAt
      endsAt
      holdExpiresAt
      createdAt
    }
  }
`;

export const CONFIRM_ONLINE_REQUEST: TypedDocumentNode<
  { confirmOnlineBookingRequest: ChangedAppointment },
  { requestId: string }
> = gql`
  mutation ConsoleConfirmOnlineRequest($requestId: ID!) {
    confirmOnlineBookingRequest(requestId: $requestId) {
      ...ConsoleChangedAppointment
    }
  }
  ${CHANGED_APPOINTMENT}
`;

export const REJECT_ONLINE_REQUEST: TypedDocumentNode<{ rejectOnlineBookingRequest: boolean }, { requestId: string }> =
  gql`
    mutation ConsoleRejectOnlineRequest($requestId: ID!) {
      rejectOnlineBookingRequest(requestId: $requestId)
    }
  `;

export type AbsenceKind = 'ABSENCE' | 'HOLIDAY' | 'TRAINING' | 'BLOCKED';
export const ABSENCE_KINDS: readonly AbsenceKind[] = ['ABSENCE', 'HOLIDAY', 'TRAINING', 'BLOCKED'];

export const DECLARE_ABSENCE: TypedDocumentNode<
  { declareAbsence: { id: string; startsAt: string; endsAt: string } },
  {
    input: { structureId: string; practitionerId: string; kind: AbsenceKind; startsAt: string; endsAt: string };
  }
> = gql`
  mutation ConsoleDeclareAbsence($input: DeclareAbsenceInput!) {
    declareAbsence(input: $input) {
      id
      startsAt
      endsAt
    }
  }
`;

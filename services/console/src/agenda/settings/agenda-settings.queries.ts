import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AppointmentStatus } from '../agenda.queries';
import type { CancellationParty, CancelReason } from '../actions/agenda-actions.queries';

export interface SnpRelease {
  daysBefore: number;
  at: string;
}

/** A practitioner's recurring range at a site, in the site's wall time (scheduling's `AgendaOpeningRange`). */
export interface OpeningRange {
  id: string;
  practitionerId: string;
  siteId: string;
  recurrence: string;
  startTime: string;
  endTime: string;
  validFrom: string;
  validUntil: string | null;
  motifIds: string[];
  snpShare: number;
  snpRelease: SnpRelease;
  version: number;
  replaces: string | null;
}

const RANGE_FIELDS = gql`
  fragment ConsoleOpeningRangeFields on AgendaOpeningRange {
    id
    practitionerId
    siteId
    recurrence
    startTime
    endTime
    validFrom
    validUntil
    motifIds
    snpShare
    snpRelease {
      daysBefore
      at
    }
    version
    replaces
  }
`;

/** One practitioner's ranges at every site of the structure, ended ones included (scheduling keeps them). */
export const OPENING_RANGES_QUERY: TypedDocumentNode<
  { openingRanges: OpeningRange[] },
  { structureId: string; practitionerId: string }
> = gql`
  query ConsoleOpeningRanges($structureId: ID!, $practitionerId: ID) {
    openingRanges(structureId: $structureId, practitionerId: $practitionerId) {
      ...ConsoleOpeningRangeFields
    }
  }
  ${RANGE_FIELDS}
`;

export interface RangeDefinition {
  weekdays: number[] | null;
  recurrence: string | null;
  startTime: string;
  endTime: string;
  motifIds: string[];
  snpShare: number;
  snpRelease: SnpRelease;
}

export const DEFINE_OPENING_RANGE: TypedDocumentNode<
  { defineOpeningRange: OpeningRange },
  {
    input: RangeDefinition & {
      practitionerId: string;
      siteId: string;
      validFrom: string;
      validUntil: string | null;
    };
  }
> = gql`
  mutation ConsoleDefineOpeningRange($input: DefineOpeningRangeInput!) {
    defineOpeningRange(input: $input) {
      ...ConsoleOpeningRangeFields
    }
  }
  ${RANGE_FIELDS}
`;

/** A booked appointment a change of ranges left outside them: time and motif only (the patient is asked apart). */
export interface OutsideAppointment {
  appointmentId: string;
  practitionerId: string;
  siteId: string;
  motifId: string;
  startsAt: string;
  endsAt: string;
  status: AppointmentStatus;
  openingRangeId: string;
  decision: 'KEPT' | 'MOVED' | 'CANCELLED' | null;
}

const OUTSIDE_FIELDS = gql`
  fragment ConsoleOutsideAppointmentFields on AppointmentOutsideOpeningRanges {
    appointmentId
    practitionerId
    siteId
    motifId
    startsAt
    endsAt
    status
    openingRangeId
    decision
  }
`;

export interface OpeningRangeChange {
  range: OpeningRange | null;
  replacement: OpeningRange | null;
  outsideAppointments: OutsideAppointment[];
}

const CHANGE_FIELDS = gql`
  fragment ConsoleOpeningRangeChangeFields on OpeningRangeChange {
    range {
      ...ConsoleOpeningRangeFields
    }
    replacement {
      ...ConsoleOpeningRangeFields
    }
    outsideAppointments {
      ...ConsoleOutsideAppointmentFields
    }
  }
  ${RANGE_FIELDS}
  ${OUTSIDE_FIELDS}
`;

export const EDIT_OPENING_RANGE: TypedDocumentNode<
  { editOpeningRange: OpeningRangeChange },
  { input: Partial<RangeDefinition> & { openingRangeId: string; version: number; from: string } }
> = gql`
  mutation ConsoleEditOpeningRange($input: EditOpeningRangeInput!) {
    editOpeningRange(input: $input) {
      ...ConsoleOpeningRangeChangeFields
    }
  }
  ${CHANGE_FIELDS}
`;

export const END_OPENING_RANGE: TypedDocumentNode<
  { endOpeningRange: OpeningRangeChange },
  { input: { openingRangeId: string; version: number; from: string } }
> = gql`
  mutation ConsoleEndOpeningRange($input: EndOpeningRangeInput!) {
    endOpeningRange(input: $input) {
      ...ConsoleOpeningRangeChangeFields
    }
  }
  ${CHANGE_FIELDS}
`;

/** What is still to decide at this site for this practitioner, soonest first. */
export const OUTSIDE_APPOINTMENTS_QUERY: TypedDocumentNode<
  { appointmentsOutsideOpeningRanges: OutsideAppointment[] },
  { structureId: string; practitionerId: string; siteId: string }
> = gql`
  query ConsoleOutsideAppointments($structureId: ID!, $practitionerId: ID, $siteId: ID) {
    appointmentsOutsideOpeningRanges(structureId: $structureId, practitionerId: $practitionerId, siteId: $siteId) {
      ...ConsoleOutsideAppointmentFields
    }
  }
  ${OUTSIDE_FIELDS}
`;

export type OutsideChoice = 'KEEP' | 'MOVE' | 'CANCEL';

export const DECIDE_OUTSIDE_APPOINTMENT: TypedDocumentNode<
  { decideAppointmentOutsideOpeningRanges: OutsideAppointment },
  {
    input: {
      appointmentId: string;
      decision: OutsideChoice;
      startsAt?: string | null;
      reason?: CancelReason | null;
      cancelledBy?: CancellationParty | null;
    };
  }
> = gql`
  mutation ConsoleDecideOutsideAppointment($input: DecideOutsideAppointmentInput!) {
    decideAppointmentOutsideOpeningRanges(input: $input) {
      ...ConsoleOutsideAppointmentFields
    }
  }
  ${OUTSIDE_FIELDS}
`;

/** The patient of one appointment, for those scheduling shows it to (the directory logs the read). */
export const APPOINTMENT_PATIENT_QUERY: TypedDocumentNode<
  { appointment: { id: string; patient: { id: string; firstName: string; lastName: string } | null } },
  { id: string }
> = gql`
  query ConsoleAppointmentPatient($id: ID!) {
    appointment(id: $id) {
      id
      patient {
        id
        firstName
        lastName
      }
    }
  }
`;

export type ConsultationChannel = 'CABINET' | 'HOME_VISIT' | 'TELECONSULTATION';
export const CONSULTATION_CHANNELS: readonly ConsultationChannel[] = ['CABINET', 'HOME_VISIT', 'TELECONSULTATION'];
export type BookingChannel = 'STAFF' | 'ONLINE' | 'VIRTUAL_SECRETARY';
export const BOOKING_CHANNELS: readonly BookingChannel[] = ['STAFF', 'ONLINE', 'VIRTUAL_SECRETARY'];

/** Every field of a motif scheduling keeps. */
export interface MotifDetails {
  id: string;
  practitionerId: string | null;
  label: string;
  durationMinutes: number;
  channel: ConsultationChannel;
  bookableBy: BookingChannel[];
  newPatientsAllowed: boolean;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  maxHorizonDays: number;
  version: number;
  archivedAt: string | null;
}

const MOTIF_FIELDS = gql`
  fragment ConsoleMotifFields on Motif {
    id
    practitionerId
    label
    durationMinutes
    channel
    bookableBy
    newPatientsAllowed
    bufferAfterMinutes
    minNoticeMinutes
    maxHorizonDays
    version
    archivedAt
  }
`;

export const MOTIF_DETAILS_QUERY: TypedDocumentNode<
  { motifs: MotifDetails[] },
  { structureId: string; includeArchived: boolean }
> = gql`
  query ConsoleMotifDetails($structureId: ID!, $includeArchived: Boolean) {
    motifs(structureId: $structureId, includeArchived: $includeArchived) {
      ...ConsoleMotifFields
    }
  }
  ${MOTIF_FIELDS}
`;

export interface MotifSettings {
  label: string;
  durationMinutes: number;
  channel: ConsultationChannel;
  bookableBy: BookingChannel[];
  newPatientsAllowed: boolean;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  maxHorizonDays: number;
}

export const CREATE_MOTIF: TypedDocumentNode<
  { createMotif: MotifDetails },
  { input: MotifSettings & { structureId: string; practitionerId: string | null } }
> = gql`
  mutation ConsoleCreateMotif($input: CreateMotifInput!) {
    createMotif(input: $input) {
      ...ConsoleMotifFields
    }
  }
  ${MOTIF_FIELDS}
`;

export const EDIT_MOTIF: TypedDocumentNode<
  { editMotif: MotifDetails },
  { input: Partial<MotifSettings> & { motifId: string; version: number } }
> = gql`
  mutation ConsoleEditMotif($input: EditMotifInput!) {
    editMotif(input: $input) {
      ...ConsoleMotifFields
    }
  }
  ${MOTIF_FIELDS}
`;

export const ARCHIVE_MOTIF: TypedDocumentNode<
  { archiveMotif: MotifDetails },
  { input: { motifId: string; version: number } }
> = gql`
  mutation ConsoleArchiveMotif($input: ArchiveMotifInput!) {
    archiveMotif(input: $input) {
      ...ConsoleMotifFields
    }
  }
  ${MOTIF_FIELDS}
`;

export interface StructureMember {
  id: string;
  firstName: string;
  lastName: string;
  profession: string;
  memberships: Array<{ roles: string[]; structure: { id: string } }>;
}

/**
 * The structure's members (those working at a site, when one is named), with their roles: the practitioners whose
 * ranges and motifs are set here. Names come from the directory only.
 */
export const STRUCTURE_MEMBERS_QUERY: TypedDocumentNode<
  { members: StructureMember[] },
  { structureId: string; siteId: string | null }
> = gql`
  query ConsoleStructureMembers($structureId: ID!, $siteId: ID) {
    members(structureId: $structureId, siteId: $siteId) {
      id
      firstName
      lastName
      profession
      memberships {
        roles
        structure {
          id
        }
      }
    }
  }
`;

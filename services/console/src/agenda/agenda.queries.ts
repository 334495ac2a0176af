import { gql, type TypedDocumentNode } from '@apollo/client';

export type AppointmentStatus =
  'BOOKED' | 'HELD' | 'CONFIRMED' | 'ARRIVED' | 'IN_CONSULTATION' | 'DONE' | 'NO_SHOW' | 'CANCELLED';

export interface AgendaAppointment {
  id: string;
  practitionerId: string;
  siteId: string;
  motifId: string;
  motifLabel: string;
  startsAt: string;
  endsAt: string;
  detailsVisible: boolean;
  status: AppointmentStatus | null;
  patient: { id: string; firstName: string; lastName: string } | null;
}

export interface PractitionerAgenda {
  practitionerId: string;
  profession: string;
  practitioner: { id: string; firstName: string; lastName: string } | null;
  appointments: AgendaAppointment[];
  absences: Array<{ id: string; kind: string; startsAt: string; endsAt: string }>;
  meetingBlocks: Array<{ startsAt: string; endsAt: string }>;
}

export interface AgendaWeekData {
  agendaWeek: { from: string; to: string; practitioners: PractitionerAgenda[] };
}

export interface AgendaWeekVariables {
  structureId: string;
  date: string;
  siteId: string;
}

/** Monday to Sunday around `date`, at one site: each practitioner's appointments, absences and meeting blocks. */
export const AGENDA_WEEK_QUERY: TypedDocumentNode<AgendaWeekData, AgendaWeekVariables> = gql`
  query ConsoleAgendaWeek($structureId: ID!, $date: String!, $siteId: ID) {
    agendaWeek(structureId: $structureId, date: $date, siteId: $siteId) {
      from
      to
      practitioners {
        practitionerId
        profession
        practitioner {
          id
          firstName
          lastName
        }
        appointments {
          id
          practitionerId
          siteId
          motifId
          motifLabel
          startsAt
          endsAt
          detailsVisible
          status
          patient {
            id
            firstName
            lastName
          }
        }
        absences {
          id
          kind
          startsAt
          endsAt
        }
        meetingBlocks {
          startsAt
          endsAt
        }
      }
    }
  }
`;

export interface Motif {
  id: string;
  label: string;
  durationMinutes: number;
  practitionerId: string | null;
  bookableBy: Array<'STAFF' | 'ONLINE' | 'VIRTUAL_SECRETARY'>;
  archivedAt: string | null;
}

export const MOTIFS_QUERY: TypedDocumentNode<{ motifs: Motif[] }, { structureId: string }> = gql`
  query ConsoleMotifs($structureId: ID!) {
    motifs(structureId: $structureId) {
      id
      label
      durationMinutes
      practitionerId
      bookableBy
      archivedAt
    }
  }
`;

export interface FreeSlot {
  practitionerId: string;
  siteId: string;
  motifId: string;
  startsAt: string;
  endsAt: string;
  snp: boolean;
}

export interface FreeSlotsVariables {
  input: {
    motifId: string;
    from: string;
    to: string;
    practitionerIds: string[];
    siteIds: string[];
    limit: number;
  };
}

export const FREE_SLOTS_QUERY: TypedDocumentNode<{ freeSlots: FreeSlot[] }, FreeSlotsVariables> = gql`
  query ConsoleFreeSlots($input: FreeSlotSearchInput!) {
    freeSlots(input: $input) {
      practitionerId
      siteId
      motifId
      startsAt
      endsAt
      snp
    }
  }
`;

export interface PatientMatch {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
}

export const SEARCH_PATIENTS_QUERY: TypedDocumentNode<
  { searchPatients: PatientMatch[] },
  { structureId: string; name: string }
> = gql`
  query ConsoleSearchPatients($structureId: ID!, $name: String!) {
    searchPatients(structureId: $structureId, name: $name, limit: 8) {
      id
      firstName
      lastName
      birthDate
    }
  }
`;

export interface BookAppointmentVariables {
  input: { practitionerId: string; siteId: string; motifId: string; patientId: string; startsAt: string };
}

export const BOOK_APPOINTMENT_MUTATION: TypedDocumentNode<
  { bookAppointment: { id: string; startsAt: string; endsAt: string; status: AppointmentStatus } },
  BookAppointmentVariables
> = gql`
  mutation ConsoleBookAppointment($input: BookAppointmentInput!) {
    bookAppointment(input: $input) {
      id
      startsAt
      endsAt
      status
    }
  }
`;

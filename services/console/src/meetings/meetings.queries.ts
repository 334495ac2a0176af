import { gql, type TypedDocumentNode } from '@apollo/client';

export type MeetingKind = 'rcp' | 'synthesis' | 'staff' | 'cpts_working_group' | 'training';
export type MeetingStatus = 'scheduled' | 'held' | 'cancelled';
export type InvitationAnswer = 'pending' | 'yes' | 'no' | 'maybe';
export type AttendanceStatus = 'present' | 'excused' | 'absent';
export type CaseTheme =
  | 'complex_patient'
  | 'polypathology'
  | 'polymedication'
  | 'palliative_care'
  | 'elderly_at_home'
  | 'loss_of_autonomy'
  | 'mental_health'
  | 'chronic_disease_decompensation'
  | 'social_situation'
  | 'other';
export type TaskStatus =
  'todo' | 'in_progress' | 'awaiting_validation' | 'done' | 'blocked' | 'escalated' | 'cancelled';

export const MEETING_KINDS: readonly MeetingKind[] = ['rcp', 'synthesis', 'staff', 'cpts_working_group', 'training'];
export const CASE_THEMES: readonly CaseTheme[] = [
  'complex_patient',
  'polypathology',
  'polymedication',
  'palliative_care',
  'elderly_at_home',
  'loss_of_autonomy',
  'mental_health',
  'chronic_disease_decompensation',
  'social_situation',
  'other',
];

export interface Invitation {
  memberId: string;
  answer: InvitationAnswer;
  answeredAt: string | null;
  agendaRefused: boolean;
  overlappingAppointments: number;
  attendance: AttendanceStatus | null;
}

export interface Meeting {
  id: string;
  structureId: string;
  kind: MeetingKind;
  title: string;
  siteId: string | null;
  videoLink: string | null;
  startsAt: string;
  endsAt: string;
  status: MeetingStatus;
  organizerId: string;
  version: number;
  heldAt: string | null;
  cancelReason: string | null;
  professionsPresent: string[];
  pluriprofessional: boolean | null;
  minutesClosedAt: string | null;
  invitations: Invitation[];
}

const MEETING_FIELDS = gql`
  fragment ConsoleMeetingFields on Meeting {
    id
    structureId
    kind
    title
    siteId
    videoLink
    startsAt
    endsAt
    status
    organizerId
    version
    heldAt
    cancelReason
    professionsPresent
    pluriprofessional
    minutesClosedAt
    invitations {
      memberId
      answer
      answeredAt
      agendaRefused
      overlappingAppointments
      attendance
    }
  }
`;

export const MEETINGS_QUERY: TypedDocumentNode<
  { meetings: Meeting[] },
  { structureId: string; from: string; to: string }
> = gql`
  query ConsoleMeetings($structureId: ID!, $from: String!, $to: String!) {
    meetings(structureId: $structureId, from: $from, to: $to) {
      ...ConsoleMeetingFields
    }
  }
  ${MEETING_FIELDS}
`;

export const MEETING_QUERY: TypedDocumentNode<{ meeting: Meeting }, { id: string }> = gql`
  query ConsoleMeeting($id: ID!) {
    meeting(id: $id) {
      ...ConsoleMeetingFields
    }
  }
  ${MEETING_FIELDS}
`;

export interface StructureMember {
  id: string;
  firstName: string;
  lastName: string;
  profession: string;
}

/** The structure's current members from the directory: the only place their names come from. */
export const MEMBERS_QUERY: TypedDocumentNode<{ members: StructureMember[] }, { structureId: string }> = gql`
  query ConsoleMeetingMembers($structureId: ID!) {
    members(structureId: $structureId) {
      id
      firstName
      lastName
      profession
    }
  }
`;

export interface MeetingProposal {
  startsAt: string;
  endsAt: string;
  freeCount: number;
  missingMemberIds: string[];
  inConsultingHoursMemberIds: string[];
}

export interface MeetingProposalsVariables {
  input: {
    structureId: string;
    inviteeIds: string[];
    from: string;
    to: string;
    durationMinutes: number;
    limit: number;
  };
}

export const MEETING_PROPOSALS_QUERY: TypedDocumentNode<
  {
    meetingProposals: {
      proposals: MeetingProposal[];
      schedulingAvailable: boolean;
      notice: string | null;
      timeZone: string;
    };
  },
  MeetingProposalsVariables
> = gql`
  query ConsoleMeetingProposals($input: MeetingProposalsInput!) {
    meetingProposals(input: $input) {
      proposals {
        startsAt
        endsAt
        freeCount
        missingMemberIds
        inConsultingHoursMemberIds
      }
      schedulingAvailable
      notice
      timeZone
    }
  }
`;

export interface ScheduleMeetingVariables {
  input: {
    structureId: string;
    kind: MeetingKind;
    title: string;
    siteId: string | null;
    videoLink: string | null;
    startsAt: string;
    endsAt: string;
    inviteeIds: string[];
    placeOverBookedPatients: boolean;
  };
}

export const SCHEDULE_MEETING_MUTATION: TypedDocumentNode<{ scheduleMeeting: Meeting }, ScheduleMeetingVariables> = gql`
  mutation ConsoleScheduleMeeting($input: ScheduleMeetingInput!) {
    scheduleMeeting(input: $input) {
      ...ConsoleMeetingFields
    }
  }
  ${MEETING_FIELDS}
`;

export const ANSWER_INVITATION_MUTATION: TypedDocumentNode<
  { answerInvitation: Meeting },
  { input: { meetingId: string; answer: InvitationAnswer } }
> = gql`
  mutation ConsoleAnswerInvitation($input: AnswerInvitationInput!) {
    answerInvitation(input: $input) {
      ...ConsoleMeetingFields
    }
  }
  ${MEETING_FIELDS}
`;

export const RECORD_ATTENDANCE_MUTATION: TypedDocumentNode<
  { recordAttendance: Meeting },
  { input: { meetingId: string; entries: Array<{ memberId: string; status: AttendanceStatus }> } }
> = gql`
  mutation ConsoleRecordAttendance($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      ...ConsoleMeetingFields
    }
  }
  ${MEETING_FIELDS}
`;

export const CANCEL_MEETING_MUTATION: TypedDocumentNode<
  { cancelMeeting: Meeting },
  { input: { meetingId: string; reason: string | null } }
> = gql`
  mutation ConsoleCancelMeeting($input: CancelMeetingInput!) {
    cancelMeeting(input: $input) {
      ...ConsoleMeetingFields
    }
  }
  ${MEETING_FIELDS}
`;

export const CLOSE_MINUTES_MUTATION: TypedDocumentNode<{ closeMinutes: Meeting }, { input: { meetingId: string } }> =
  gql`
    mutation ConsoleCloseMinutes($input: CloseMinutesInput!) {
      closeMinutes(input: $input) {
        ...ConsoleMeetingFields
      }
    }
    ${MEETING_FIELDS}
  `;

export interface MeetingCase {
  id: string;
  patientId: string;
  reason: string;
  theme: CaseTheme;
  presenterId: string | null;
  position: number;
}

export interface Minutes {
  meetingId: string;
  closedAt: string | null;
  cases: MeetingCase[];
  decisions: Array<{ id: string; caseId: string | null; text: string; position: number }>;
  actionItems: Array<{
    id: string;
    caseId: string | null;
    description: string;
    assigneeId: string | null;
    dueAt: string | null;
    position: number;
  }>;
}

const MINUTES_FIELDS = gql`
  fragment ConsoleMinutesFields on MeetingMinutes {
    meetingId
    closedAt
    cases {
      id
      patientId
      reason
      theme
      presenterId
      position
    }
    decisions {
      id
      caseId
      text
      position
    }
    actionItems {
      id
      caseId
      description
      assigneeId
      dueAt
      position
    }
  }
`;

export const MINUTES_QUERY: TypedDocumentNode<{ meetingMinutes: Minutes }, { meetingId: string }> = gql`
  query ConsoleMeetingMinutes($meetingId: ID!) {
    meetingMinutes(meetingId: $meetingId) {
      ...ConsoleMinutesFields
    }
  }
  ${MINUTES_FIELDS}
`;

export const ADD_CASE_MUTATION: TypedDocumentNode<
  { addMeetingCase: MeetingCase },
  { input: { meetingId: string; patientId: string; reason: string; theme: CaseTheme; presenterId: string } }
> = gql`
  mutation ConsoleAddMeetingCase($input: AddMeetingCaseInput!) {
    addMeetingCase(input: $input) {
      id
      patientId
      reason
      theme
      presenterId
      position
    }
  }
`;

export const REMOVE_CASE_MUTATION: TypedDocumentNode<{ removeMeetingCase: string }, { caseId: string }> = gql`
  mutation ConsoleRemoveMeetingCase($caseId: ID!) {
    removeMeetingCase(caseId: $caseId)
  }
`;

export const RECORD_DECISION_MUTATION: TypedDocumentNode<
  { recordDecision: Minutes },
  { input: { meetingId: string; caseId: string | null; text: string } }
> = gql`
  mutation ConsoleRecordDecision($input: RecordDecisionInput!) {
    recordDecision(input: $input) {
      ...ConsoleMinutesFields
    }
  }
  ${MINUTES_FIELDS}
`;

export const REMOVE_DECISION_MUTATION: TypedDocumentNode<{ removeDecision: Minutes }, { decisionId: string }> = gql`
  mutation ConsoleRemoveDecision($decisionId: ID!) {
    removeDecision(decisionId: $decisionId) {
      ...ConsoleMinutesFields
    }
  }
  ${MINUTES_FIELDS}
`;

export const ADD_ACTION_ITEM_MUTATION: TypedDocumentNode<
  { addActionItem: Minutes },
  {
    input: {
      meetingId: string;
      caseId: string | null;
      description: string;
      assigneeId: string | null;
      dueAt: string | null;
    };
  }
> = gql`
  mutation ConsoleAddActionItem($input: AddActionItemInput!) {
    addActionItem(input: $input) {
      ...ConsoleMinutesFields
    }
  }
  ${MINUTES_FIELDS}
`;

export const REMOVE_ACTION_ITEM_MUTATION: TypedDocumentNode<{ removeActionItem: Minutes }, { actionItemId: string }> =
  gql`
    mutation ConsoleRemoveActionItem($actionItemId: ID!) {
      removeActionItem(actionItemId: $actionItemId) {
        ...ConsoleMinutesFields
      }
    }
    ${MINUTES_FIELDS}
  `;

export const MINUTES_PDF_QUERY: TypedDocumentNode<
  { meetingMinutesPdf: { fileName: string; contentType: string; base64: string } },
  { meetingId: string }
> = gql`
  query ConsoleMeetingMinutesPdf($meetingId: ID!) {
    meetingMinutesPdf(meetingId: $meetingId) {
      fileName
      contentType
      base64
    }
  }
`;

export interface PatientName {
  id: string;
  firstName: string;
  lastName: string;
}

/** A case's patient, named by the directory (which logs the read); coordination only knows the opaque id. */
export const PATIENT_NAME_QUERY: TypedDocumentNode<{ patient: PatientName }, { id: string }> = gql`
  query ConsoleMeetingPatient($id: ID!) {
    patient(id: $id) {
      id
      firstName
      lastName
    }
  }
`;

export interface PatientMatch extends PatientName {
  birthDate: string;
}

export const SEARCH_PATIENTS_QUERY: TypedDocumentNode<
  { searchPatients: PatientMatch[] },
  { structureId: string; name: string }
> = gql`
  query ConsoleMeetingSearchPatients($structureId: ID!, $name: String!) {
    searchPatients(structureId: $structureId, name: $name, limit: 8) {
      id
      firstName
      lastName
      birthDate
    }
  }
`;

export interface DelegatedTask {
  id: string;
  sourceId: string | null;
  origin: string;
  status: TaskStatus;
}

/**
 * Delegation's tasks made from these action items (an action item's task carries its id as `sourceId`), whatever
 * their column: how the minutes show that each one reached the board, and where it stands.
 */
export const ACTION_ITEM_TASKS_QUERY: TypedDocumentNode<
  { taskBoard: DelegatedTask[] },
  { structureId: string; actionItemIds: string[] }
> = gql`
  query ConsoleActionItemTasks($structureId: ID!, $actionItemIds: [ID!]!) {
    taskBoard(filter: { structureId: $structureId, sourceIds: $actionItemIds, limit: 500 }) {
      id
      sourceId
      origin
      status
    }
  }
`;

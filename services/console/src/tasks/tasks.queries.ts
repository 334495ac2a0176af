import { gql, type TypedDocumentNode } from '@apollo/client';

export type TaskStatus =
  'todo' | 'in_progress' | 'awaiting_validation' | 'done' | 'blocked' | 'escalated' | 'cancelled';
export type BoardView = 'all' | 'mine' | 'my_pool' | 'to_validate' | 'escalated_to_me';
export type ValidationCircuit = 'none' | 'referent_review' | 'weekly_review';
export type TaskPriority = 'low' | 'normal' | 'high' | 'urgent';

export interface BoardTask {
  id: string;
  title: string;
  description: string;
  taskType: string;
  status: TaskStatus;
  priority: TaskPriority;
  validationCircuit: ValidationCircuit;
  assigneeId: string | null;
  poolRole: string | null;
  physicianId: string | null;
  validatorId: string | null;
  escalatedTo: string | null;
  dueAt: string | null;
  updatedAt: string;
  version: number;
  /** Identity from the directory through the gateway (access-logged there); delegation stores the id only. */
  patient: { id: string; firstName: string; lastName: string } | null;
}

const TASK_FIELDS = `
  id
  title
  description
  taskType
  status
  priority
  validationCircuit
  assigneeId
  poolRole
  physicianId
  validatorId
  escalatedTo
  dueAt
  updatedAt
  version
  patient {
    id
    firstName
    lastName
  }
`;

export interface BoardFilter {
  structureId: string;
  view: BoardView;
  statuses?: TaskStatus[];
  updatedSince?: string;
  limit?: number;
}

export const TASK_BOARD_QUERY: TypedDocumentNode<{ taskBoard: BoardTask[] }, { filter: BoardFilter }> = gql`
  query ConsoleTaskBoard($filter: BoardFilterInput!) {
    taskBoard(filter: $filter) {
      ${TASK_FIELDS}
    }
  }
`;

export interface TaskTransition {
  fromStatus: TaskStatus | null;
  toStatus: TaskStatus;
  move: string;
  actorId: string | null;
  reason: string | null;
  at: string;
  version: number;
}

export interface TaskDetail {
  task: BoardTask & { createdAt: string; completedAt: string | null; standardMinutes: number | null; origin: string };
  history: TaskTransition[];
  comments: Array<{ id: string; authorId: string; body: string; at: string }>;
  attachments: Array<{ id: string; label: string; reference: string }>;
  allowedTargets: TaskStatus[];
}

export const TASK_DETAIL_QUERY: TypedDocumentNode<{ task: TaskDetail }, { id: string }> = gql`
  query ConsoleTaskDetail($id: ID!) {
    task(id: $id) {
      task {
        ${TASK_FIELDS}
        createdAt
        completedAt
        standardMinutes
        origin
      }
      history {
        fromStatus
        toStatus
        move
        actorId
        reason
        at
        version
      }
      comments {
        id
        authorId
        body
        at
      }
      attachments {
        id
        label
        reference
      }
      allowedTargets
    }
  }
`;

export interface MoveTaskVariables {
  input: { taskId: string; to: TaskStatus; expectedVersion: number; reason?: string | null };
}

export const MOVE_TASK_MUTATION: TypedDocumentNode<
  { moveTask: { task: BoardTask; thresholdHits: Array<{ kind: string; entry: string }> } },
  MoveTaskVariables
> = gql`
  mutation ConsoleMoveTask($input: MoveTaskInput!) {
    moveTask(input: $input) {
      task {
        ${TASK_FIELDS}
      }
      thresholdHits {
        kind
        entry
      }
    }
  }
`;

export interface MemberName {
  id: string;
  firstName: string;
  lastName: string;
}

/** The structure's members, to put names on assignees, validators and the audit trail's actors. */
export const TEAM_QUERY: TypedDocumentNode<{ members: MemberName[] }, { structureId: string }> = gql`
  query ConsoleTaskTeam($structureId: ID!) {
    members(structureId: $structureId) {
      id
      firstName
      lastName
    }
  }
`;

export interface TaskTypeEntry {
  code: string;
  label: string;
  standardMinutes: number;
  active: boolean;
}

export const TASK_CATALOGUE_QUERY: TypedDocumentNode<{ taskCatalogue: TaskTypeEntry[] }, { structureId: string }> = gql`
  query ConsoleTaskCatalogue($structureId: ID!) {
    taskCatalogue(structureId: $structureId) {
      code
      label
      standardMinutes
      active
    }
  }
`;

export interface ProtocolContent {
  title: string;
  mission: string;
  procedure: string;
  taskType: string;
  executingRoles: string[];
  professions: string[];
  validationCircuit: ValidationCircuit;
  alertThresholds: { categories: string[]; flags: string[]; keywords: string[] };
  deadlineHours: number | null;
  standardMinutes: number | null;
}

export interface Protocol {
  id: string;
  status: 'draft' | 'adopted' | 'retired';
  currentVersion: number;
  updatedAt: string;
  current: ProtocolContent & { version: number; adoptedBy: string | null; adoptedAt: string | null };
}

const PROTOCOL_FIELDS = `
  id
  status
  currentVersion
  updatedAt
  current {
    version
    title
    mission
    procedure
    taskType
    executingRoles
    professions
    validationCircuit
    alertThresholds {
      categories
      flags
      keywords
    }
    deadlineHours
    standardMinutes
    adoptedBy
    adoptedAt
  }
`;

export const PROTOCOLS_QUERY: TypedDocumentNode<{ delegationProtocols: Protocol[] }, { structureId: string }> = gql`
  query ConsoleDelegationProtocols($structureId: ID!) {
    delegationProtocols(structureId: $structureId) {
      ${PROTOCOL_FIELDS}
    }
  }
`;

export const DRAFT_PROTOCOL_MUTATION: TypedDocumentNode<
  { draftProtocol: Protocol },
  { input: ProtocolContent & { structureId: string } }
> = gql`
  mutation ConsoleDraftProtocol($input: DraftProtocolInput!) {
    draftProtocol(input: $input) {
      ${PROTOCOL_FIELDS}
    }
  }
`;

export const EDIT_PROTOCOL_DRAFT_MUTATION: TypedDocumentNode<
  { editProtocolDraft: Protocol },
  { input: ProtocolContent & { protocolId: string } }
> = gql`
  mutation ConsoleEditProtocolDraft($input: EditProtocolInput!) {
    editProtocolDraft(input: $input) {
      ${PROTOCOL_FIELDS}
    }
  }
`;

export const REVISE_PROTOCOL_MUTATION: TypedDocumentNode<
  { reviseProtocol: Protocol },
  { input: ProtocolContent & { protocolId: string } }
> = gql`
  mutation ConsoleReviseProtocol($input: EditProtocolInput!) {
    reviseProtocol(input: $input) {
      ${PROTOCOL_FIELDS}
    }
  }
`;

export const ADOPT_PROTOCOL_MUTATION: TypedDocumentNode<{ adoptProtocol: Protocol }, { protocolId: string }> = gql`
  mutation ConsoleAdoptProtocol($protocolId: ID!) {
    adoptProtocol(input: { protocolId: $protocolId }) {
      ${PROTOCOL_FIELDS}
    }
  }
`;

export const RETIRE_PROTOCOL_MUTATION: TypedDocumentNode<{ retireProtocol: Protocol }, { protocolId: string }> = gql`
  mutation ConsoleRetireProtocol($protocolId: ID!) {
    retireProtocol(protocolId: $protocolId) {
      ${PROTOCOL_FIELDS}
    }
  }
`;

export interface TimeFreedWeek {
  isoWeek: string;
  physicianId: string | null;
  minutes: number;
  tasks: number;
}

export const TIME_FREED_QUERY: TypedDocumentNode<
  { delegatedTimeFreed: TimeFreedWeek[] },
  { structureId: string; fromWeek: string; toWeek: string; physicianId?: string | null }
> = gql`
  query ConsoleDelegatedTimeFreed($structureId: ID!, $fromWeek: String!, $toWeek: String!, $physicianId: ID) {
    delegatedTimeFreed(structureId: $structureId, fromWeek: $fromWeek, toWeek: $toWeek, physicianId: $physicianId) {
      isoWeek
      physicianId
      minutes
      tasks
    }
  }
`;

import type { TaskOriginV1 } from '@msp/contracts';
import type { ValidationCircuit } from '../../domain/protocols/protocol';
import type { TaskMove, TaskStatus } from '../../domain/tasks/task-board';

export type TaskPriority = 'low' | 'normal' | 'high' | 'urgent';
export const TASK_PRIORITIES: readonly TaskPriority[] = ['low', 'normal', 'high', 'urgent'];

/** A task as the board shows it; the audit trail, comments and attachments are read apart. */
export interface Task {
  id: string;
  structureId: string;
  siteId: string | null;
  taskType: string;
  protocolId: string | null;
  protocolVersion: number | null;
  validationCircuit: ValidationCircuit;
  origin: TaskOriginV1;
  /** The message's call, the meeting's action item or the completed appointment the task was made from. */
  sourceId: string | null;
  title: string;
  description: string;
  priority: TaskPriority;
  status: TaskStatus;
  assigneeId: string | null;
  /** A pool task: anyone holding this role at `siteId` (or in the structure when no site) may take it. */
  poolRole: string | null;
  patientId: string | null;
  /** The physician the work is done for; set at completion from the delegate's referent when nobody named one. */
  physicianId: string | null;
  categories: string[];
  flags: string[];
  dueAt: Date | null;
  /** Who validates it once submitted (the delegate's referent, or the backup when the referent is away). */
  validatorId: string | null;
  /** Whom it went back to; null while escalated: the site's practitioners. */
  escalatedTo: string | null;
  escalationReason: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
  completedBy: string | null;
  /** Minutes of physician time it stood for, fixed at completion. */
  standardMinutes: number | null;
  /** Done by a delegate rather than by the physician after an escalation: only then is time freed. */
  delegated: boolean | null;
  isoWeek: string | null;
  version: number;
}

/** One line of the audit trail. */
export interface TaskTransition {
  fromStatus: TaskStatus | null;
  toStatus: TaskStatus;
  move: TaskMove | 'create' | 'assign' | 'reroute';
  /** Null: the platform (an event, the deadline sweep). */
  actorId: string | null;
  reason: string | null;
  at: Date;
  version: number;
  /**
   * Whom the move sent the task to (the physician of an escalation, the validator of a submission); taken by the
   * repository from the task as written, so it is only present when read back.
   */
  targetId?: string | null;
}

export interface TaskComment {
  id: string;
  taskId: string;
  authorId: string;
  body: string;
  at: Date;
}

export interface TaskAttachment {
  id: string;
  taskId: string;
  label: string;
  /** Where the document is (a document id or URL in the practice's software): never the document itself. */
  reference: string;
  addedBy: string;
  at: Date;
}

/** The board's filters (DEL-4), combined with AND; the structure is always given. */
export interface BoardFilter {
  structureId: string;
  statuses?: TaskStatus[];
  assigneeId?: string;
  /** Pool tasks any of these roles may take, at these sites (or structure-wide). */
  pool?: { roles: string[]; siteIds: string[] };
  validatorId?: string;
  escalatedTo?: string;
  siteId?: string;
  patientId?: string;
  /** Only the tasks made from these facts of other services (e.g. a meeting's action items). */
  sourceIds?: string[];
  /** Only tasks changed since then: the closed columns show the recent work, not the whole history. */
  updatedSince?: Date;
  limit: number;
}

export interface TimeFreedRow {
  isoWeek: string;
  physicianId: string | null;
  minutes: number;
  tasks: number;
}

export interface ReviewCount {
  memberId: string;
  completed: number;
  validated: number;
  escalated: number;
  sentBack: number;
}

export abstract class TaskRepository {
  /** Inserts the task and its first audit line; false when its source already made a task (nothing written). */
  abstract insert(task: Task, transition: TaskTransition): Promise<boolean>;
  /** Writes the task if its version is still `expectedVersion`, with its audit line; false when someone moved it first. */
  abstract update(task: Task, expectedVersion: number, transition: TaskTransition): Promise<boolean>;
  abstract byId(taskId: string): Promise<Task | null>;
  abstract board(filter: BoardFilter): Promise<Task[]>;
  abstract history(taskId: string): Promise<TaskTransition[]>;
  abstract addComment(comment: TaskComment): Promise<void>;
  abstract comments(taskId: string): Promise<TaskComment[]>;
  abstract addAttachment(attachment: TaskAttachment): Promise<void>;
  abstract attachments(taskId: string): Promise<TaskAttachment[]>;
  /** Open tasks past their due time, locked for this transaction (others skip them), oldest due first. */
  abstract lockOverdue(now: Date, limit: number): Promise<Task[]>;
  /** Escalated tasks and validations waiting on one of `memberIds`, locked for this transaction. */
  abstract lockWaitingOn(memberIds: string[], limit: number): Promise<Task[]>;
  /** Minutes of completed delegated tasks per ISO week and physician. */
  abstract timeFreed(structureId: string, weeks: string[], physicianId?: string): Promise<TimeFreedRow[]>;
  /** Per delegate (who completed or submitted) and per referent (who validated, sent back or was escalated to), in [from, to). */
  abstract reviewCounts(
    structureId: string,
    from: Date,
    to: Date,
  ): Promise<{ delegates: ReviewCount[]; referents: ReviewCount[] }>;
  /** Tasks under a weekly-review protocol completed in [from, to): the referents' reading list. */
  abstract completedUnderWeeklyReview(structureId: string, from: Date, to: Date): Promise<Task[]>;
}

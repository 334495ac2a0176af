import { Injectable } from '@nestjs/common';
import type { TaskOriginV1 } from '@msp/contracts';
import { activeManager, requireActiveManager } from '@msp/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import {
  TaskRepository,
  type BoardFilter,
  type ReviewCount,
  type Task,
  type TaskAttachment,
  type TaskComment,
  type TaskPriority,
  type TaskTransition,
  type TimeFreedRow,
} from '../../application/ports/task.repository';
import type { ValidationCircuit } from '../../domain/protocols/protocol';
import type { TaskStatus } from '../../domain/tasks/task-board';

interface TaskRow {
  id: string;
  structure_id: string;
  site_id: string | null;
  task_type: string;
  protocol_id: string | null;
  protocol_version: number | null;
  validation_circuit: ValidationCircuit;
  origin: TaskOriginV1;
  source_id: string | null;
  title: string;
  description: string;
  priority: TaskPriority;
  status: TaskStatus;
  assignee_id: string | null;
  pool_role: string | null;
  patient_id: string | null;
  physician_id: string | null;
  categories: string[];
  flags: string[];
  due_at: Date | null;
  validator_id: string | null;
  escalated_to: string | null;
  escalation_reason: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  completed_at: Date | null;
  completed_by: string | null;
  standard_minutes: number | null;
  delegated: boolean | null;
  iso_week: string | null;
  version: number;
}

interface TransitionRow {
  from_status: TaskStatus | null;
  to_status: TaskStatus;
  move: TaskTransition['move'];
  actor_id: string | null;
  reason: string | null;
  at: Date;
  version: number;
  target_id: string | null;
}

const toTask = (r: TaskRow): Task => ({
  id: r.id,
  structureId: r.structure_id,
  siteId: r.site_id,
  taskType: r.task_type,
  protocolId: r.protocol_id,
  protocolVersion: r.protocol_version,
  validationCircuit: r.validation_circuit,
  origin: r.origin,
  sourceId: r.source_id,
  title: r.title,
  description: r.description,
  priority: r.priority,
  status: r.status,
  assigneeId: r.assignee_id,
  poolRole: r.pool_role,
  patientId: r.patient_id,
  physicianId: r.physician_id,
  categories: r.categories,
  flags: r.flags,
  dueAt: r.due_at,
  validatorId: r.validator_id,
  escalatedTo: r.escalated_to,
  escalationReason: r.escalation_reason,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  completedAt: r.completed_at,
  completedBy: r.completed_by,
  standardMinutes: r.standard_minutes,
  delegated: r.delegated,
  isoWeek: r.iso_week,
  version: r.version,
});

const toTransition = (r: TransitionRow): TaskTransition => ({
  fromStatus: r.from_status,
  toStatus: r.to_status,
  move: r.move,
  actorId: r.actor_id,
  reason: r.reason,
  at: r.at,
  version: r.version,
  targetId: r.target_id,
});

/** What a task is made of and never changes: written once, by `insert`. */
const FIXED_COLUMNS: Array<[keyof TaskRow, (t: Task) => unknown]> = [
  ['id', (t) => t.id],
  ['structure_id', (t) => t.structureId],
  ['origin', (t) => t.origin],
  ['source_id', (t) => t.sourceId],
  ['created_by', (t) => t.createdBy],
  ['created_at', (t) => t.createdAt],
];

/** What a move or an edit may change: written by `insert` and `update`. */
const MUTABLE_COLUMNS: Array<[keyof TaskRow, (t: Task) => unknown]> = [
  ['site_id', (t) => t.siteId],
  ['task_type', (t) => t.taskType],
  ['protocol_id', (t) => t.protocolId],
  ['protocol_version', (t) => t.protocolVersion],
  ['validation_circuit', (t) => t.validationCircuit],
  ['title', (t) => t.title],
  ['description', (t) => t.description],
  ['priority', (t) => t.priority],
  ['status', (t) => t.status],
  ['assignee_id', (t) => t.assigneeId],
  ['pool_role', (t) => t.poolRole],
  ['patient_id', (t) => t.patientId],
  ['physician_id', (t) => t.physicianId],
  ['categories', (t) => t.categories],
  ['flags', (t) => t.flags],
  ['due_at', (t) => t.dueAt],
  ['validator_id', (t) => t.validatorId],
  ['escalated_to', (t) => t.escalatedTo],
  ['escalation_reason', (t) => t.escalationReason],
  ['updated_at', (t) => t.updatedAt],
  ['completed_at', (t) => t.completedAt],
  ['completed_by', (t) => t.completedBy],
  ['standard_minutes', (t) => t.standardMinutes],
  ['delegated', (t) => t.delegated],
  ['iso_week', (t) => t.isoWeek],
  ['version', (t) => t.version],
];

const INSERT_COLUMNS = [...FIXED_COLUMNS, ...MUTABLE_COLUMNS];

/** The audit line of a write, appended to the write's parameters from `$first` on; its task is the written row's id. */
function auditLine(first: number): string {
  const p = (i: number) => `$${first + i}`;
  // The target is read from the row as written: the physician an escalation went to, the validator of a submission.
  return `insert into task_transition (task_id, from_status, to_status, move, actor_id, reason, at, version, target_id)
    select id, ${p(0)}::text, ${p(1)}::text, ${p(2)}::text, ${p(3)}::uuid, ${p(4)}::text, ${p(5)}::timestamptz,
           ${p(6)}::integer,
           case status when 'escalated' then escalated_to when 'awaiting_validation' then validator_id end
    from written
    returning task_id`;
}

const auditParams = (t: TaskTransition): unknown[] => [
  t.fromStatus,
  t.toStatus,
  t.move,
  t.actorId,
  t.reason,
  t.at,
  t.version,
];

/** Most pressing first: priority, then the nearest due time (none last), then the oldest. */
const BOARD_ORDER = `array_position(array['urgent', 'high', 'normal', 'low'], priority), due_at asc nulls last,
  created_at, id`;

/**
 * Tasks, their audit trail, comments and attachments. A write and its audit line are one statement (a data-modifying
 * `with`), so neither is ever written without the other, whether or not the caller opened a transaction.
 */
@Injectable()
export class TypeOrmTaskRepository implements TaskRepository {
  constructor(private readonly db: DataSource) {}

  async insert(task: Task, transition: TaskTransition): Promise<boolean> {
    const values = INSERT_COLUMNS.map(([, of]) => of(task));
    // A second task from the same message, action item or exam (Kafka redelivers) conflicts on `task_one_per_source`:
    // nothing is inserted, so nothing is audited either.
    const rows: unknown[] = await this.manager().query(
      `with written as (
         insert into task (${INSERT_COLUMNS.map(([column]) => column).join(', ')})
         values (${values.map((_, i) => `$${i + 1}`).join(', ')})
         on conflict (origin, source_id) where source_id is not null do nothing
         returning id, status, escalated_to, validator_id
       )
       ${auditLine(values.length + 1)}`,
      [...values, ...auditParams(transition)],
    );
    return rows.length > 0;
  }

  async update(task: Task, expectedVersion: number, transition: TaskTransition): Promise<boolean> {
    const values = MUTABLE_COLUMNS.map(([, of]) => of(task));
    const rows: unknown[] = await this.manager().query(
      `with written as (
         update task set ${MUTABLE_COLUMNS.map(([column], i) => `${column} = $${i + 3}`).join(', ')}
         where id = $1 and version = $2
         returning id, status, escalated_to, validator_id
       )
       ${auditLine(values.length + 3)}`,
      [task.id, expectedVersion, ...values, ...auditParams(transition)],
    );
    return rows.length > 0;
  }

  async byId(taskId: string): Promise<Task | null> {
    const [row]: TaskRow[] = await this.manager().query(`select * from task where id = $1`, [taskId]);
    return row ? toTask(row) : null;
  }

  async board(filter: BoardFilter): Promise<Task[]> {
    const params: unknown[] = [filter.structureId];
    const param = (value: unknown): string => `$${params.push(value)}`;
    const where = ['structure_id = $1'];
    if (filter.statuses) where.push(`status = any(${param(filter.statuses)}::text[])`);
    if (filter.assigneeId) where.push(`assignee_id = ${param(filter.assigneeId)}::uuid`);
    if (filter.pool)
      where.push(
        `assignee_id is null and pool_role = any(${param(filter.pool.roles)}::text[])
         and (site_id is null or site_id = any(${param(filter.pool.siteIds)}::uuid[]))`,
      );
    if (filter.validatorId) where.push(`validator_id = ${param(filter.validatorId)}::uuid`);
    if (filter.escalatedTo) where.push(`escalated_to = ${param(filter.escalatedTo)}::uuid`);
    if (filter.siteId) where.push(`site_id = ${param(filter.siteId)}::uuid`);
    if (filter.patientId) where.push(`patient_id = ${param(filter.patientId)}::uuid`);
    if (filter.sourceIds) where.push(`source_id = any(${param(filter.sourceIds)}::uuid[])`);
    if (filter.updatedSince) where.push(`updated_at >= ${param(filter.updatedSince)}::timestamptz`);
    const rows: TaskRow[] = await this.manager().query(
      `select * from task where ${where.map((w) => `(${w})`).join(' and ')}
       order by ${BOARD_ORDER}
       limit ${param(filter.limit)}::integer`,
      params,
    );
    return rows.map(toTask);
  }

  /** Oldest first. */
  async history(taskId: string): Promise<TaskTransition[]> {
    const rows: TransitionRow[] = await this.manager().query(
      `select from_status, to_status, move, actor_id, reason, at, version, target_id
       from task_transition where task_id = $1 order by id`,
      [taskId],
    );
    return rows.map(toTransition);
  }

  async addComment(comment: TaskComment): Promise<void> {
    await this.manager().query(
      `insert into task_comment (id, task_id, author_id, body, at) values ($1, $2, $3, $4, $5)`,
      [comment.id, comment.taskId, comment.authorId, comment.body, comment.at],
    );
  }

  /** Oldest first. */
  async comments(taskId: string): Promise<TaskComment[]> {
    const rows: Array<{ id: string; task_id: string; author_id: string; body: string; at: Date }> =
      await this.manager().query(
        `select id, task_id, author_id, body, at from task_comment where task_id = $1 order by at, id`,
        [taskId],
      );
    return rows.map((r) => ({ id: r.id, taskId: r.task_id, authorId: r.author_id, body: r.body, at: r.at }));
  }

  async addAttachment(attachment: TaskAttachment): Promise<void> {
    await this.manager().query(
      `insert into task_attachment (id, task_id, label, reference, added_by, at) values ($1, $2, $3, $4, $5, $6)`,
      [attachment.id, attachment.taskId, attachment.label, attachment.reference, attachment.addedBy, attachment.at],
    );
  }

  /** Oldest first. */
  async attachments(taskId: string): Promise<TaskAttachment[]> {
    const rows: Array<{ id: string; task_id: string; label: string; reference: string; added_by: string; at: Date }> =
      await this.manager().query(
        `select id, task_id, label, reference, added_by, at from task_attachment where task_id = $1 order by at, id`,
        [taskId],
      );
    return rows.map((r) => ({
      id: r.id,
      taskId: r.task_id,
      label: r.label,
      reference: r.reference,
      addedBy: r.added_by,
      at: r.at,
    }));
  }

  async lockOverdue(now: Date, limit: number): Promise<Task[]> {
    // The status list is `task_due_idx`'s predicate, word for word, so that the index serves it.
    const rows: TaskRow[] = await requireActiveManager('Locking overdue tasks').query(
      `select * from task
       where status in ('todo', 'in_progress', 'blocked') and due_at <= $1
       order by due_at, id
       limit $2
       for update skip locked`,
      [now, limit],
    );
    return rows.map(toTask);
  }

  /** Oldest change first. */
  async lockWaitingOn(memberIds: string[], limit: number): Promise<Task[]> {
    if (memberIds.length === 0) return [];
    const rows: TaskRow[] = await requireActiveManager('Locking tasks waiting on someone').query(
      `select * from task
       where (status = 'escalated' and escalated_to = any($1::uuid[]))
          or (status = 'awaiting_validation' and validator_id = any($1::uuid[]))
       order by updated_at, id
       limit $2
       for update skip locked`,
      [memberIds, limit],
    );
    return rows.map(toTask);
  }

  /** Done and delegated tasks of the structure in those weeks (their completion's ISO week), per week and physician. */
  async timeFreed(structureId: string, weeks: string[], physicianId?: string): Promise<TimeFreedRow[]> {
    if (weeks.length === 0) return [];
    const params: unknown[] = [structureId, weeks];
    if (physicianId) params.push(physicianId);
    const rows: Array<{ iso_week: string; physician_id: string | null; minutes: number; tasks: number }> =
      await this.manager().query(
        `select iso_week, physician_id, coalesce(sum(standard_minutes), 0)::integer as minutes, count(*)::integer as tasks
         from task
         where structure_id = $1 and status = 'done' and delegated and iso_week = any($2::text[])
           ${physicianId ? 'and physician_id = $3' : ''}
         group by iso_week, physician_id
         order by iso_week, physician_id nulls last`,
        params,
      );
    return rows.map((r) => ({ isoWeek: r.iso_week, physicianId: r.physician_id, minutes: r.minutes, tasks: r.tasks }));
  }

  /**
   * The audit trail of the structure's tasks in [from, to), counted per member (each list ordered by member id, a
   * member listed only with some count above zero).
   *
   * Delegates, by the task's current assignee unless said otherwise:
   * - completed: distinct tasks the member (the audit line's actor) completed or submitted for validation in the range
   *   (a task submitted, sent back and submitted again counts once);
   * - escalated: escalations ('escalate' lines: asked for, alert threshold, deadline) of tasks assigned to the member;
   * - sentBack: 'send_back' lines on tasks assigned to the member (each one counts);
   * - validated: distinct tasks assigned to the member that were validated in the range.
   *
   * Referents, by the audit line's actor unless said otherwise:
   * - validated: the member's 'validate' lines;
   * - sentBack: the member's 'send_back' lines;
   * - escalated: distinct tasks escalated ('escalate', or 'reroute' to the escalated column) to the member in the range,
   *   by the audit line's target: counted even after the task was handed back to its delegate;
   * - completed: the member's 'resolve' lines (the escalated tasks they did themselves).
   */
  async reviewCounts(
    structureId: string,
    from: Date,
    to: Date,
  ): Promise<{ delegates: ReviewCount[]; referents: ReviewCount[] }> {
    const rows: Array<{
      side: 'delegate' | 'referent';
      member_id: string;
      completed: number;
      validated: number;
      escalated: number;
      sent_back: number;
    }> = await this.manager().query(
      `with line as (
         select l.task_id, l.move, l.to_status, l.actor_id, l.target_id, t.assignee_id
         from task_transition l
         join task t on t.id = l.task_id
         where t.structure_id = $1 and l.at >= $2 and l.at < $3
       ),
       counted (side, member_id, kind, task_id) as (
         select 'delegate', actor_id, 'completed', task_id from line where move in ('complete', 'submit')
         union all
         select 'delegate', assignee_id, 'escalated', task_id from line where move = 'escalate'
         union all
         select 'delegate', assignee_id, 'sent_back', task_id from line where move = 'send_back'
         union all
         select 'delegate', assignee_id, 'validated', task_id from line where move = 'validate'
         union all
         select 'referent', actor_id, 'validated', task_id from line where move = 'validate'
         union all
         select 'referent', actor_id, 'sent_back', task_id from line where move = 'send_back'
         union all
         select 'referent', target_id, 'escalated', task_id from line
         where move in ('escalate', 'reroute') and to_status = 'escalated'
         union all
         select 'referent', actor_id, 'completed', task_id from line where move = 'resolve'
       )
       select side, member_id,
         (count(distinct task_id) filter (where kind = 'completed'))::integer as completed,
         (count(distinct task_id) filter (where kind = 'validated'))::integer as validated,
         (case side
            when 'delegate' then count(*) filter (where kind = 'escalated')
            else count(distinct task_id) filter (where kind = 'escalated')
          end)::integer as escalated,
         (count(*) filter (where kind = 'sent_back'))::integer as sent_back
       from counted
       where member_id is not null
       group by side, member_id
       order by side, member_id`,
      [structureId, from, to],
    );
    const of = (side: 'delegate' | 'referent'): ReviewCount[] =>
      rows
        .filter((r) => r.side === side)
        .map((r) => ({
          memberId: r.member_id,
          completed: r.completed,
          validated: r.validated,
          escalated: r.escalated,
          sentBack: r.sent_back,
        }));
    return { delegates: of('delegate'), referents: of('referent') };
  }

  /** Oldest completion first. */
  async completedUnderWeeklyReview(structureId: string, from: Date, to: Date): Promise<Task[]> {
    const rows: TaskRow[] = await this.manager().query(
      `select * from task
       where structure_id = $1 and status = 'done' and validation_circuit = 'weekly_review'
         and completed_at >= $2 and completed_at < $3
       order by completed_at, id`,
      [structureId, from, to],
    );
    return rows.map(toTask);
  }

  private manager(): EntityManager {
    return activeManager() ?? this.db.manager;
  }
}

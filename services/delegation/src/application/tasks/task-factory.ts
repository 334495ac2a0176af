import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { TaskOriginV1 } from '@msp/contracts';
import { OutboxWriter } from '@msp/messaging';
import { DEFAULT_TASK_TYPES } from '../../domain/catalogue/default-task-types';
import type { TaskType } from '../../domain/catalogue/task-type';
import { DelegationError, DelegationErrorCode } from '../../domain/delegation-error';
import type { ProtocolContent } from '../../domain/protocols/protocol';
import { TaskCatalogueQuery } from '../catalogue/task-catalogue.query';
import { ProtocolRepository, type Protocol } from '../ports/protocol.repository';
import { TaskRepository, type Task, type TaskPriority } from '../ports/task.repository';
import { TeamRepository } from '../ports/team.repository';
import { recordTaskEvent } from '../task-events';

/** A task to make, from a person's form or another service's fact. */
export interface NewTask {
  structureId: string;
  siteId: string | null;
  /** The protocol to work under; null: the protocol adopted for the task type, if any. */
  protocolId: string | null;
  /** Required without a protocol; with one, the protocol's type applies. */
  taskType: string | null;
  origin: TaskOriginV1;
  sourceId: string | null;
  title: string;
  description: string;
  priority: TaskPriority;
  assigneeId: string | null;
  poolRole: string | null;
  patientId: string | null;
  physicianId: string | null;
  categories: string[];
  dueAt: Date | null;
  createdBy: string | null;
}

/** What a task is done under: its type, the protocol version if any, and who may execute it. */
export interface TaskFrame {
  type: TaskType;
  protocol: Protocol | null;
  executingRoles: string[];
}

const HOUR_MS = 3_600_000;

/**
 * Makes tasks the one way, for people and events alike (DEL-3): the protocol and its version, the validation circuit,
 * the deadline and the pool are settled here, and the task is written with its first audit line and event.
 */
@Injectable()
export class TaskFactory {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly protocols: ProtocolRepository,
    private readonly catalogue: TaskCatalogueQuery,
    private readonly team: TeamRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  /** The type and protocol a new task falls under; refusals name the input field. */
  async frameOf(structureId: string, protocolId: string | null, taskType: string | null): Promise<TaskFrame> {
    if (protocolId) {
      const protocol = await this.protocols.byId(protocolId);
      if (!protocol || protocol.structureId !== structureId)
        throw DelegationError.notFound('Protocol', 'input.protocolId');
      if (protocol.status !== 'adopted')
        throw new DelegationError(
          DelegationErrorCode.ProtocolState,
          `input.protocolId: the protocol is ${protocol.status}; tasks are done under adopted protocols only`,
          'input.protocolId',
        );
      const type = await this.catalogue.typeOf(structureId, protocol.current.content.taskType);
      if (!type) throw DelegationError.invalid('input.protocolId', 'names a task type no longer in the catalogue');
      return { type, protocol, executingRoles: protocol.current.content.executingRoles };
    }
    if (!taskType) throw DelegationError.invalid('input.taskType', 'is required when no protocol is given');
    const type = await this.catalogue.typeOf(structureId, taskType);
    if (!type || !type.active)
      throw DelegationError.invalid('input.taskType', "is not in the structure's task catalogue");
    const protocol = await this.protocols.adoptedFor(structureId, type.code);
    return { type, protocol, executingRoles: protocol?.current.content.executingRoles ?? type.defaultRoles };
  }

  /**
   * Who may do an existing task: the roles of the protocol version it was made under (a later revision or retirement
   * does not change them), else its catalogue type's.
   */
  async executingRolesOf(
    task: Pick<Task, 'structureId' | 'taskType' | 'protocolId' | 'protocolVersion'>,
  ): Promise<string[]> {
    if (task.protocolId && task.protocolVersion) {
      const version = await this.protocols.version(task.protocolId, task.protocolVersion);
      if (version) return version.content.executingRoles;
    }
    const type =
      (await this.catalogue.typeOf(task.structureId, task.taskType)) ??
      DEFAULT_TASK_TYPES.find((t) => t.code === task.taskType);
    return type?.defaultRoles ?? [];
  }

  /** The catalogue's own type for a source, offered or not: a fact from another service always makes its task. */
  async defaultFrame(structureId: string, code: string): Promise<TaskFrame> {
    const type = (await this.catalogue.typeOf(structureId, code)) ?? DEFAULT_TASK_TYPES.find((t) => t.code === code);
    if (!type) throw new Error(`No default task type ${code}`);
    const protocol = await this.protocols.adoptedFor(structureId, code);
    return { type, protocol, executingRoles: protocol?.current.content.executingRoles ?? type.defaultRoles };
  }

  /** Writes the task; null when its source already made one (Kafka delivered the fact twice). */
  async create(spec: NewTask, frame: TaskFrame, now: Date): Promise<Task | null> {
    const content: ProtocolContent | null = frame.protocol?.current.content ?? null;
    const pooled = !spec.assigneeId;
    const task: Task = {
      id: randomUUID(),
      structureId: spec.structureId,
      siteId: spec.siteId,
      taskType: frame.type.code,
      protocolId: frame.protocol?.id ?? null,
      protocolVersion: frame.protocol?.currentVersion ?? null,
      validationCircuit: content?.validationCircuit ?? 'none',
      origin: spec.origin,
      sourceId: spec.sourceId,
      title: spec.title,
      description: spec.description,
      priority: spec.priority,
      status: 'todo',
      assigneeId: spec.assigneeId,
      poolRole: pooled ? (spec.poolRole ?? frame.executingRoles[0] ?? 'medical_assistant') : null,
      patientId: spec.patientId,
      physicianId: spec.physicianId,
      categories: [...new Set(spec.categories)],
      flags: [],
      dueAt:
        spec.dueAt ?? (content?.deadline ? new Date(now.getTime() + content.deadline.withinHours * HOUR_MS) : null),
      validatorId: null,
      escalatedTo: null,
      escalationReason: null,
      createdBy: spec.createdBy,
      createdAt: now,
      updatedAt: now,
      completedAt: null,
      completedBy: null,
      standardMinutes: null,
      delegated: null,
      isoWeek: null,
      version: 1,
    };
    const inserted = await this.tasks.insert(task, {
      fromStatus: null,
      toStatus: 'todo',
      move: 'create',
      actorId: spec.createdBy,
      reason: null,
      at: now,
      version: 1,
    });
    if (!inserted) return null;
    await recordTaskEvent(this.outbox, 'delegation.task.created.v1', task, {
      priority: task.priority,
      dueAt: task.dueAt?.toISOString() ?? null,
      sourceId: task.sourceId,
      createdBy: task.createdBy,
      createdAt: now.toISOString(),
    });
    return task;
  }

  /** A current member of the structure, or the NOT_FOUND another structure's member answers. */
  async assertCurrentMember(structureId: string, memberId: string, field: string) {
    const member = await this.team.member(structureId, memberId);
    if (!member) throw DelegationError.notFound('Member', field);
    return member;
  }

  async assertSite(structureId: string, siteId: string, field: string): Promise<void> {
    if ((await this.team.siteStructure(siteId)) !== structureId) throw DelegationError.notFound('Site', field);
  }
}

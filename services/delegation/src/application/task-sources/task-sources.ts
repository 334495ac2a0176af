import { Injectable, Logger } from '@nestjs/common';
import type { EventPayloads } from '@msp/contracts';
import { DelegationError } from '../../domain/delegation-error';
import { SOURCE_TASK_TYPES } from '../../domain/catalogue/default-task-types';
import { ACTION_ITEM_TITLE, callbackTitle, examChaseTitle } from '../../domain/tasks/source-wording';
import { Clock } from '@msp/service-kit';
import { TeamRepository } from '../ports/team.repository';
import type { Task } from '../ports/task.repository';
import { TaskFactory, type NewTask, type TaskFrame } from '../tasks/task-factory';

/**
 * DEL-3: tasks made from other services' facts — a message taken by the virtual secretary (a callback), a meeting's
 * action item, an exam to chase after a consultation. Exactly one task per source, whatever Kafka redelivers (the
 * inbox skips a known event id; the task's unique source catches the same fact under another id). A fact always
 * makes its task: a protocol or type the structure no longer offers falls back to the catalogue's default type.
 */
@Injectable()
export class TaskSources {
  private readonly logger = new Logger(TaskSources.name);

  constructor(
    private readonly factory: TaskFactory,
    private readonly team: TeamRepository,
    private readonly clock: Clock,
  ) {}

  async messageTaken(data: EventPayloads['call-routing.message.taken.v1']): Promise<Task | null> {
    return this.make(
      {
        ...this.blank(data.structureId, 'call_message', data.callId),
        siteId: data.siteId,
        title: callbackTitle(data.intent, !!data.patientId),
        priority: data.intent === 'results' || data.intent === 'advice' ? 'high' : 'normal',
        patientId: data.patientId ?? null,
        physicianId: data.practitionerId ?? null,
        categories: [data.intent],
      },
      SOURCE_TASK_TYPES.call_message,
    );
  }

  async actionItemCreated(data: EventPayloads['coordination.action-item.created.v1']): Promise<Task | null> {
    // The meeting named the assignee: they carry it whatever their role; one who left makes it a pool task.
    const assignee = data.assigneeId ? await this.team.member(data.structureId, data.assigneeId) : null;
    return this.make(
      {
        ...this.blank(data.structureId, 'meeting_action_item', data.actionItemId),
        siteId: data.siteId ?? null,
        protocolId: data.protocolId ?? null,
        taskType: data.taskType ?? null,
        title: ACTION_ITEM_TITLE,
        assigneeId: assignee?.memberId ?? null,
        patientId: data.patientId ?? null,
        dueAt: data.dueAt ? new Date(data.dueAt) : null,
      },
      SOURCE_TASK_TYPES.meeting_action_item,
    );
  }

  async appointmentCompleted(data: EventPayloads['scheduling.appointment.completed.v1']): Promise<Task | null> {
    const followUp = data.followUp;
    if (!followUp) return null;
    return this.make(
      {
        ...this.blank(data.structureId, 'appointment_follow_up', data.appointmentId),
        siteId: data.siteId,
        title: examChaseTitle(followUp.exam),
        patientId: data.patientId,
        physicianId: data.practitionerId,
        categories: [followUp.exam],
        dueAt: new Date(followUp.dueBy),
      },
      SOURCE_TASK_TYPES.appointment_follow_up,
    );
  }

  private blank(structureId: string, origin: NewTask['origin'], sourceId: string): NewTask {
    return {
      structureId,
      siteId: null,
      protocolId: null,
      taskType: null,
      origin,
      sourceId,
      title: '',
      description: '',
      priority: 'normal',
      assigneeId: null,
      poolRole: null,
      patientId: null,
      physicianId: null,
      categories: [],
      dueAt: null,
      createdBy: null,
    };
  }

  private async make(spec: NewTask, defaultType: string): Promise<Task | null> {
    const frame = await this.frameOf(spec, defaultType);
    const task = await this.factory.create(
      { ...spec, protocolId: frame.protocol?.id ?? null, taskType: frame.type.code },
      frame,
      this.clock.now(),
    );
    if (!task)
      this.logger.log({ msg: 'task already made from this source', origin: spec.origin, sourceId: spec.sourceId });
    return task;
  }

  private async frameOf(spec: NewTask, defaultType: string): Promise<TaskFrame> {
    try {
      return await this.factory.frameOf(spec.structureId, spec.protocolId, spec.taskType ?? defaultType);
    } catch (error) {
      if (!(error instanceof DelegationError)) throw error;
      this.logger.warn({
        msg: 'task source names what the structure does not offer; default type used',
        reason: error.message,
      });
      return this.factory.defaultFrame(spec.structureId, defaultType);
    }
  }
}

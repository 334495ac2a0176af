import { isPluriprofessional } from '../../../domain/protocols/protocol';
import type { Protocol, ProtocolVersion } from '../../../application/ports/protocol.repository';
import type { Task } from '../../../application/ports/task.repository';
import type { ProtocolType, ProtocolVersionType, TaskObjectType } from '../types/delegation.types';
import type { TaskPriorityEnum, TaskStatusEnum, ValidationCircuitEnum } from '../types/delegation-enums';

export function toProtocolVersionType(version: ProtocolVersion): ProtocolVersionType {
  const c = version.content;
  return {
    version: version.version,
    title: c.title,
    mission: c.mission,
    procedure: c.procedure,
    taskType: c.taskType,
    executingRoles: c.executingRoles,
    professions: c.professions,
    pluriprofessional: isPluriprofessional(c.professions),
    validationCircuit: c.validationCircuit as ValidationCircuitEnum,
    alertThresholds: c.alertThresholds,
    deadlineHours: c.deadline?.withinHours ?? null,
    standardMinutes: c.standardMinutes,
    writtenBy: version.writtenBy,
    writtenAt: version.writtenAt,
    adoptedBy: version.adoptedBy,
    adoptedAt: version.adoptedAt,
    meetingId: version.meetingId,
  };
}

export function toProtocolType(protocol: Protocol): ProtocolType {
  return {
    id: protocol.id,
    structureId: protocol.structureId,
    status: protocol.status,
    currentVersion: protocol.currentVersion,
    current: toProtocolVersionType(protocol.current),
    createdBy: protocol.createdBy,
    createdAt: protocol.createdAt,
    updatedAt: protocol.updatedAt,
  };
}

export function toTaskType(task: Task): TaskObjectType {
  return {
    ...task,
    validationCircuit: task.validationCircuit as ValidationCircuitEnum,
    priority: task.priority as TaskPriorityEnum,
    status: task.status as TaskStatusEnum,
  };
}

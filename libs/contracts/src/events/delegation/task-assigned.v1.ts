import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, nullableUuidSchema } from '../event-definition';
import {
  TASK_SNAPSHOT_FIELDS,
  taskSnapshotExample,
  taskSnapshotProperties,
  type TaskSnapshotV1,
} from './task-snapshot';

export interface TaskAssignedV1 extends TaskSnapshotV1 {
  previousAssigneeId?: string | null;
  assignedBy?: string | null;
  assignedAt: string;
}

export const taskAssignedV1 = defineEvent<TaskAssignedV1>({
  type: 'delegation.task.assigned.v1',
  topic: TOPICS.delegation,
  description: 'A task was given to a person or a pool, or taken from a pool.',
  aggregateId: (data) => data.taskId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [...TASK_SNAPSHOT_FIELDS, 'assignedAt'],
    properties: {
      ...taskSnapshotProperties,
      previousAssigneeId: nullableUuidSchema,
      assignedBy: nullableUuidSchema,
      assignedAt: instantSchema,
    },
  },
  example: {
    ...taskSnapshotExample,
    previousAssigneeId: null,
    assignedBy: '1c0b9a8f-7e6d-4c5b-8a4f-3e2d1c0b9a8f',
    assignedAt: '2026-11-30T08:10:00Z',
  },
});

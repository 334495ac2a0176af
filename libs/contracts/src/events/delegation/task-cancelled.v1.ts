import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, nullableUuidSchema } from '../event-definition';
import {
  TASK_SNAPSHOT_FIELDS,
  taskSnapshotExample,
  taskSnapshotProperties,
  type TaskSnapshotV1,
} from './task-snapshot';

export interface TaskCancelledV1 extends TaskSnapshotV1 {
  cancelledBy?: string | null;
  cancelledAt: string;
}

export const taskCancelledV1 = defineEvent<TaskCancelledV1>({
  type: 'delegation.task.cancelled.v1',
  topic: TOPICS.delegation,
  description: 'A task was cancelled; it frees no time.',
  aggregateId: (data) => data.taskId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [...TASK_SNAPSHOT_FIELDS, 'cancelledAt'],
    properties: {
      ...taskSnapshotProperties,
      cancelledBy: nullableUuidSchema,
      cancelledAt: instantSchema,
    },
  },
  example: {
    ...taskSnapshotExample,
    cancelledBy: '1c0b9a8f-7e6d-4c5b-8a4f-3e2d1c0b9a8f',
    cancelledAt: '2026-11-30T09:00:00Z',
  },
});

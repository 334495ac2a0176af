import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';
import {
  TASK_SNAPSHOT_FIELDS,
  taskSnapshotExample,
  taskSnapshotProperties,
  type TaskSnapshotV1,
} from './task-snapshot';

export interface TaskStartedV1 extends TaskSnapshotV1 {
  startedBy: string;
  startedAt: string;
}

export const taskStartedV1 = defineEvent<TaskStartedV1>({
  type: 'delegation.task.started.v1',
  topic: TOPICS.delegation,
  description: 'Someone started working on a task (to do \u2192 in progress).',
  aggregateId: (data) => data.taskId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [...TASK_SNAPSHOT_FIELDS, 'startedBy', 'startedAt'],
    properties: {
      ...taskSnapshotProperties,
      startedBy: uuidSchema,
      startedAt: instantSchema,
    },
  },
  example: {
    ...taskSnapshotExample,
    startedBy: '1c0b9a8f-7e6d-4c5b-8a4f-3e2d1c0b9a8f',
    startedAt: '2026-11-30T08:12:00Z',
  },
});

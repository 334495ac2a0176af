import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, nullableUuidSchema } from '../event-definition';
import {
  TASK_SNAPSHOT_FIELDS,
  taskSnapshotExample,
  taskSnapshotProperties,
  type TaskSnapshotV1,
} from './task-snapshot';

export interface TaskCreatedV1 extends TaskSnapshotV1 {
  priority: 'low' | 'normal' | 'high' | 'urgent';
  dueAt?: string | null;
  sourceId?: string | null;
  createdBy?: string | null;
  createdAt: string;
}

export const taskCreatedV1 = defineEvent<TaskCreatedV1>({
  type: 'delegation.task.created.v1',
  topic: TOPICS.delegation,
  description:
    "A task was created, by a person or from another service's fact (a message taken, a meeting action item, an exam to chase).",
  aggregateId: (data) => data.taskId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [...TASK_SNAPSHOT_FIELDS, 'priority', 'createdAt'],
    properties: {
      ...taskSnapshotProperties,
      priority: { type: 'string', enum: ['low', 'normal', 'high', 'urgent'] },
      dueAt: { type: 'string', format: 'date-time', nullable: true },
      sourceId: nullableUuidSchema,
      createdBy: nullableUuidSchema,
      createdAt: instantSchema,
    },
  },
  example: {
    ...taskSnapshotExample,
    priority: 'normal',
    dueAt: '2026-12-01T17:00:00Z',
    sourceId: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d',
    createdBy: null,
    createdAt: '2026-11-30T08:03:01Z',
  },
});

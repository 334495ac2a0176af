import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';
import {
  TASK_SNAPSHOT_FIELDS,
  taskSnapshotExample,
  taskSnapshotProperties,
  type TaskSnapshotV1,
} from './task-snapshot';

export interface TaskValidatedV1 extends TaskSnapshotV1 {
  validatedBy: string;
  validatedAt: string;
}

export const taskValidatedV1 = defineEvent<TaskValidatedV1>({
  type: 'delegation.task.validated.v1',
  topic: TOPICS.delegation,
  description: "The medical referent validated a delegate's work (awaiting validation \u2192 done).",
  aggregateId: (data) => data.taskId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [...TASK_SNAPSHOT_FIELDS, 'validatedBy', 'validatedAt'],
    properties: {
      ...taskSnapshotProperties,
      validatedBy: uuidSchema,
      validatedAt: instantSchema,
    },
  },
  example: {
    ...taskSnapshotExample,
    validatedBy: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a',
    validatedAt: '2026-11-30T12:30:00Z',
  },
});

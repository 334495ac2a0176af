import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, nullableUuidSchema, uuidSchema } from '../event-definition';
import {
  TASK_SNAPSHOT_FIELDS,
  taskSnapshotExample,
  taskSnapshotProperties,
  type TaskSnapshotV1,
} from './task-snapshot';

export interface TaskSubmittedV1 extends TaskSnapshotV1 {
  submittedBy: string;
  validatorId?: string | null;
  submittedAt: string;
}

export const taskSubmittedV1 = defineEvent<TaskSubmittedV1>({
  type: 'delegation.task.submitted.v1',
  topic: TOPICS.delegation,
  description:
    "A delegate submitted their work for the referent's validation (in progress \u2192 awaiting validation).",
  aggregateId: (data) => data.taskId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [...TASK_SNAPSHOT_FIELDS, 'submittedBy', 'submittedAt'],
    properties: {
      ...taskSnapshotProperties,
      submittedBy: uuidSchema,
      validatorId: nullableUuidSchema,
      submittedAt: instantSchema,
    },
  },
  example: {
    ...taskSnapshotExample,
    submittedBy: '1c0b9a8f-7e6d-4c5b-8a4f-3e2d1c0b9a8f',
    validatorId: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a',
    submittedAt: '2026-11-30T08:20:00Z',
  },
});

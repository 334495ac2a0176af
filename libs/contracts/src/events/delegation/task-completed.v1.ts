import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';
import {
  TASK_SNAPSHOT_FIELDS,
  taskSnapshotExample,
  taskSnapshotProperties,
  type TaskSnapshotV1,
} from './task-snapshot';

export interface TaskCompletedV1 extends TaskSnapshotV1 {
  completedBy: string;
  delegated: boolean;
  standardMinutes: number;
  isoWeek: string;
  completedAt: string;
}

export const taskCompletedV1 = defineEvent<TaskCompletedV1>({
  type: 'delegation.task.completed.v1',
  topic: TOPICS.delegation,
  description:
    'A task is done. `standardMinutes` of a delegated task count as medical time freed for `physicianId` in `isoWeek` (Europe/Paris).',
  aggregateId: (data) => data.taskId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [...TASK_SNAPSHOT_FIELDS, 'completedBy', 'delegated', 'standardMinutes', 'isoWeek', 'completedAt'],
    properties: {
      ...taskSnapshotProperties,
      completedBy: uuidSchema,
      delegated: { type: 'boolean' },
      standardMinutes: { type: 'integer', minimum: 0, maximum: 1440 },
      isoWeek: { type: 'string', pattern: '^[0-9]{4}-W[0-9]{2}$' },
      completedAt: instantSchema,
    },
  },
  example: {
    ...taskSnapshotExample,
    completedBy: '1c0b9a8f-7e6d-4c5b-8a4f-3e2d1c0b9a8f',
    delegated: true,
    standardMinutes: 5,
    isoWeek: '2026-W49',
    completedAt: '2026-11-30T12:30:00Z',
  },
});

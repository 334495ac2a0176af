import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, nullableUuidSchema } from '../event-definition';
import { ESCALATION_REASONS, type EscalationReasonV1 } from './delegation-vocabulary';
import {
  TASK_SNAPSHOT_FIELDS,
  taskSnapshotExample,
  taskSnapshotProperties,
  type TaskSnapshotV1,
} from './task-snapshot';

export interface TaskEscalatedV1 extends TaskSnapshotV1 {
  reason: EscalationReasonV1;
  thresholdKinds: Array<'category' | 'flag' | 'keyword'>;
  escalatedTo?: string | null;
  escalatedBy?: string | null;
  escalatedAt: string;
}

export const taskEscalatedV1 = defineEvent<TaskEscalatedV1>({
  type: 'delegation.task.escalated.v1',
  topic: TOPICS.delegation,
  description:
    "A task went back to a physician (`escalatedTo`; null: the practitioners of its site): an alert threshold, a missed deadline, the delegate's request, or its target away (DEL-5).",
  aggregateId: (data) => data.taskId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [...TASK_SNAPSHOT_FIELDS, 'reason', 'thresholdKinds', 'escalatedAt'],
    properties: {
      ...taskSnapshotProperties,
      reason: { type: 'string', enum: [...ESCALATION_REASONS] },
      thresholdKinds: {
        type: 'array',
        items: { type: 'string', enum: ['category', 'flag', 'keyword'] },
        uniqueItems: true,
      },
      escalatedTo: nullableUuidSchema,
      escalatedBy: nullableUuidSchema,
      escalatedAt: instantSchema,
    },
  },
  example: {
    ...taskSnapshotExample,
    reason: 'threshold',
    thresholdKinds: ['keyword'],
    escalatedTo: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a',
    escalatedBy: null,
    escalatedAt: '2026-11-30T08:20:00Z',
  },
});

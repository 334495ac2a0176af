import { nullableUuidSchema, uuidSchema } from '../event-definition';
import { TASK_ORIGINS, type TaskOriginV1 } from './delegation-vocabulary';

/** Which task, of which structure, under which protocol version, for whom: the common part of the task events. */
export interface TaskSnapshotV1 {
  taskId: string;
  structureId: string;
  siteId?: string | null;
  /** The catalogue task type's code (`phone_callback`, `exam_follow_up`, …). */
  taskType: string;
  protocolId?: string | null;
  /** The protocol version the task is done under; kept when the protocol is revised later. */
  protocolVersion?: number | null;
  origin: TaskOriginV1;
  /** The physician the work is done for: time freed is counted for them. */
  physicianId?: string | null;
  assigneeId?: string | null;
  /** A pool task: anyone with this role at `siteId` may take it. */
  poolRole?: string | null;
  patientId?: string | null;
  /** The task's version after this change (optimistic locking: a client sends it back with its next move). */
  version: number;
}

export const taskSnapshotProperties = {
  taskId: uuidSchema,
  structureId: uuidSchema,
  siteId: nullableUuidSchema,
  taskType: { type: 'string', pattern: '^[a-z][a-z0-9_]{1,63}$' },
  protocolId: nullableUuidSchema,
  protocolVersion: { type: 'integer', minimum: 1, nullable: true },
  origin: { type: 'string', enum: [...TASK_ORIGINS] },
  physicianId: nullableUuidSchema,
  assigneeId: nullableUuidSchema,
  poolRole: { type: 'string', minLength: 1, maxLength: 32, nullable: true },
  patientId: nullableUuidSchema,
  version: { type: 'integer', minimum: 1 },
} as const;

export const TASK_SNAPSHOT_FIELDS = [
  'taskId',
  'structureId',
  'taskType',
  'origin',
  'version',
] as const satisfies ReadonlyArray<keyof TaskSnapshotV1>;

export const taskSnapshotExample: TaskSnapshotV1 = {
  taskId: '4e3d2c1b-0a9f-4e8d-9c7b-6a5f4e3d2c1b',
  structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
  siteId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  taskType: 'phone_callback',
  protocolId: '2b1a0f9e-8d7c-4b6a-9f5e-4d3c2b1a0f9e',
  protocolVersion: 2,
  origin: 'call_message',
  physicianId: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a',
  assigneeId: '1c0b9a8f-7e6d-4c5b-8a4f-3e2d1c0b9a8f',
  poolRole: null,
  patientId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a',
  version: 3,
};

import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, nullableUuidSchema, uuidSchema } from '../event-definition';

export interface ActionItemCreatedV1 {
  actionItemId: string;
  meetingId: string;
  structureId: string;
  siteId?: string | null;
  /** The member who carries the action; null: the structure's coordinators take it from their pool. */
  assigneeId?: string | null;
  /** A catalogue task type's code when the minutes name one; delegation's default is `professional_coordination`. */
  taskType?: string | null;
  /** The delegation protocol the action falls under, when the meeting adopted or cited one. */
  protocolId?: string | null;
  /** The case the action is about (opaque id); the wording of the action stays in the minutes. */
  patientId?: string | null;
  dueAt?: string | null;
  createdAt: string;
}

export const actionItemCreatedV1 = defineEvent<ActionItemCreatedV1>({
  type: 'coordination.action-item.created.v1',
  topic: TOPICS.coordination,
  description:
    'The closed minutes of a coordination meeting hold an action item: delegation creates exactly one task for it.',
  aggregateId: (data) => data.actionItemId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['actionItemId', 'meetingId', 'structureId', 'createdAt'],
    properties: {
      actionItemId: uuidSchema,
      meetingId: uuidSchema,
      structureId: uuidSchema,
      siteId: nullableUuidSchema,
      assigneeId: nullableUuidSchema,
      taskType: { type: 'string', pattern: '^[a-z][a-z0-9_]{1,63}$', nullable: true },
      protocolId: nullableUuidSchema,
      patientId: nullableUuidSchema,
      dueAt: { type: 'string', format: 'date-time', nullable: true },
      createdAt: instantSchema,
    },
  },
  example: {
    actionItemId: '8f7e6d5c-4b3a-4918-8a7b-6c5d4e3f2a1b',
    meetingId: '5d4c3b2a-1908-4f7e-8d6c-5b4a39281706',
    structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
    siteId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    assigneeId: '1c0b9a8f-7e6d-4c5b-8a4f-3e2d1c0b9a8f',
    taskType: 'professional_coordination',
    protocolId: null,
    patientId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a',
    dueAt: '2026-12-15T17:00:00Z',
    createdAt: '2026-12-01T13:55:00Z',
  },
});

import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';

export interface MeetingBlockRefusedV1 {
  meetingId: string;
  structureId: string;
  memberId: string;
  /** How many of the member's live appointments overlap the meeting (patients are never named). */
  overlappingAppointments: number;
  refusedAt: string;
}

export const meetingBlockRefusedV1 = defineEvent<MeetingBlockRefusedV1>({
  type: 'scheduling.meeting-block.refused.v1',
  topic: TOPICS.scheduling,
  description:
    "A meeting could not block a member's agenda: patients are booked over it; coordination tells the coordinator, nothing is moved.",
  aggregateId: (data) => data.meetingId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['meetingId', 'structureId', 'memberId', 'overlappingAppointments', 'refusedAt'],
    properties: {
      meetingId: uuidSchema,
      structureId: uuidSchema,
      memberId: uuidSchema,
      overlappingAppointments: { type: 'integer', minimum: 1 },
      refusedAt: instantSchema,
    },
  },
  example: {
    meetingId: '5d4c3b2a-1908-4f7e-8d6c-5b4a39281706',
    structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
    memberId: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a',
    overlappingAppointments: 2,
    refusedAt: '2026-11-20T09:00:05Z',
  },
});

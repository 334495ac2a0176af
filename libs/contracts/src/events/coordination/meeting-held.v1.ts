import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, requiredNullableUuidSchema, uuidSchema } from '../event-definition';
import { meetingKindSchema, type MeetingKindV1 } from './coordination-vocabulary';

export interface MeetingHeldV1 {
  meetingId: string;
  structureId: string;
  kind: MeetingKindV1;
  siteId: string | null;
  startsAt: string;
  endsAt: string;
  heldAt: string;
}

export const meetingHeldV1 = defineEvent<MeetingHeldV1>({
  type: 'coordination.meeting.held.v1',
  topic: TOPICS.coordination,
  description:
    'A meeting took place (its attendance was first recorded); whether it counts as pluriprofessional is in attendance.recorded.',
  aggregateId: (data) => data.meetingId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['meetingId', 'structureId', 'kind', 'siteId', 'startsAt', 'endsAt', 'heldAt'],
    properties: {
      meetingId: uuidSchema,
      structureId: uuidSchema,
      kind: meetingKindSchema,
      siteId: requiredNullableUuidSchema,
      startsAt: instantSchema,
      endsAt: instantSchema,
      heldAt: instantSchema,
    },
  },
  example: {
    meetingId: '5d4c3b2a-1908-4f7e-8d6c-5b4a39281706',
    structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
    kind: 'rcp',
    siteId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    startsAt: '2026-12-01T11:30:00Z',
    endsAt: '2026-12-01T13:00:00Z',
    heldAt: '2026-12-01T13:05:00Z',
  },
});

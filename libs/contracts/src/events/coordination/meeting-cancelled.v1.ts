import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';

export interface MeetingCancelledV1 {
  meetingId: string;
  structureId: string;
  cancelledAt: string;
}

export const meetingCancelledV1 = defineEvent<MeetingCancelledV1>({
  type: 'coordination.meeting.cancelled.v1',
  topic: TOPICS.coordination,
  description: "A meeting will not take place: scheduling frees the attendees' agendas.",
  aggregateId: (data) => data.meetingId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['meetingId', 'structureId', 'cancelledAt'],
    properties: { meetingId: uuidSchema, structureId: uuidSchema, cancelledAt: instantSchema },
  },
  example: {
    meetingId: '5d4c3b2a-1908-4f7e-8d6c-5b4a39281706',
    structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
    cancelledAt: '2026-11-28T08:00:00Z',
  },
});

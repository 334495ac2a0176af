import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';

export interface MeetingRescheduledV1 {
  meetingId: string;
  structureId: string;
  startsAt: string;
  endsAt: string;
  previousStartsAt: string;
  previousEndsAt: string;
  /** The members whose agendas the meeting now holds: their previous blocks are freed, these placed. */
  attendeeIds: string[];
  rescheduledAt: string;
}

export const meetingRescheduledV1 = defineEvent<MeetingRescheduledV1>({
  type: 'coordination.meeting.rescheduled.v1',
  topic: TOPICS.coordination,
  description: "A meeting moved in time: scheduling frees the attendees' former time and blocks the new one.",
  aggregateId: (data) => data.meetingId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [
      'meetingId',
      'structureId',
      'startsAt',
      'endsAt',
      'previousStartsAt',
      'previousEndsAt',
      'attendeeIds',
      'rescheduledAt',
    ],
    properties: {
      meetingId: uuidSchema,
      structureId: uuidSchema,
      startsAt: instantSchema,
      endsAt: instantSchema,
      previousStartsAt: instantSchema,
      previousEndsAt: instantSchema,
      attendeeIds: { type: 'array', items: uuidSchema, uniqueItems: true, maxItems: 200 },
      rescheduledAt: instantSchema,
    },
  },
  example: {
    meetingId: '5d4c3b2a-1908-4f7e-8d6c-5b4a39281706',
    structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
    startsAt: '2026-12-08T11:30:00Z',
    endsAt: '2026-12-08T13:00:00Z',
    previousStartsAt: '2026-12-01T11:30:00Z',
    previousEndsAt: '2026-12-01T13:00:00Z',
    attendeeIds: ['6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a'],
    rescheduledAt: '2026-11-25T16:10:00Z',
  },
});

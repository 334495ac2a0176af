import { TOPICS } from '../../topics/topics';
import {
  defineEvent,
  instantSchema,
  nullableUuidSchema,
  requiredNullableUuidSchema,
  uuidSchema,
} from '../event-definition';
import { meetingKindSchema, type MeetingKindV1 } from './coordination-vocabulary';

export interface MeetingScheduledV1 {
  meetingId: string;
  structureId: string;
  kind: MeetingKindV1;
  /** The site it takes place at; null for a remote meeting. */
  siteId: string | null;
  /** The recurring series it belongs to, if any. */
  seriesId?: string | null;
  startsAt: string;
  endsAt: string;
  /** The members whose agendas the meeting holds (the invitees who have not declined). */
  attendeeIds: string[];
  scheduledAt: string;
}

export const meetingScheduledV1 = defineEvent<MeetingScheduledV1>({
  type: 'coordination.meeting.scheduled.v1',
  topic: TOPICS.coordination,
  description:
    "A coordination meeting was placed in time: scheduling blocks its attendees' agendas under the appointments' exclusion constraint.",
  aggregateId: (data) => data.meetingId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['meetingId', 'structureId', 'kind', 'siteId', 'startsAt', 'endsAt', 'attendeeIds', 'scheduledAt'],
    properties: {
      meetingId: uuidSchema,
      structureId: uuidSchema,
      kind: meetingKindSchema,
      siteId: requiredNullableUuidSchema,
      seriesId: nullableUuidSchema,
      startsAt: instantSchema,
      endsAt: instantSchema,
      attendeeIds: { type: 'array', items: uuidSchema, uniqueItems: true, maxItems: 200 },
      scheduledAt: instantSchema,
    },
  },
  example: {
    meetingId: '5d4c3b2a-1908-4f7e-8d6c-5b4a39281706',
    structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
    kind: 'rcp',
    siteId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    seriesId: null,
    startsAt: '2026-12-01T11:30:00Z',
    endsAt: '2026-12-01T13:00:00Z',
    attendeeIds: ['6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a', '1c0b9a8f-7e6d-4c5b-8a4f-3e2d1c0b9a8f'],
    scheduledAt: '2026-11-20T09:00:00Z',
  },
});

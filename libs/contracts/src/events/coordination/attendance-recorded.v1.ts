import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';
import { meetingKindSchema, professionCodeSchema, type MeetingKindV1 } from './coordination-vocabulary';

export interface AttendanceRecordedV1 {
  meetingId: string;
  structureId: string;
  kind: MeetingKindV1;
  startsAt: string;
  presentIds: string[];
  excusedIds: string[];
  absentIds: string[];
  /** The directory's profession codes of the members present, each once. */
  professionsPresent: string[];
  /** The structure's rule met (default: two professions or more, one of them a physician's). */
  pluriprofessional: boolean;
  recordedAt: string;
}

const memberIds = { type: 'array', items: uuidSchema, uniqueItems: true, maxItems: 200 } as const;

export const attendanceRecordedV1 = defineEvent<AttendanceRecordedV1>({
  type: 'coordination.attendance.recorded.v1',
  topic: TOPICS.coordination,
  description:
    'Who attended a meeting and which professions were present; the latest record of a meeting is its attendance (corrections before the minutes close).',
  aggregateId: (data) => data.meetingId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [
      'meetingId',
      'structureId',
      'kind',
      'startsAt',
      'presentIds',
      'excusedIds',
      'absentIds',
      'professionsPresent',
      'pluriprofessional',
      'recordedAt',
    ],
    properties: {
      meetingId: uuidSchema,
      structureId: uuidSchema,
      kind: meetingKindSchema,
      startsAt: instantSchema,
      presentIds: memberIds,
      excusedIds: memberIds,
      absentIds: memberIds,
      professionsPresent: { type: 'array', items: professionCodeSchema, uniqueItems: true },
      pluriprofessional: { type: 'boolean' },
      recordedAt: instantSchema,
    },
  },
  example: {
    meetingId: '5d4c3b2a-1908-4f7e-8d6c-5b4a39281706',
    structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
    kind: 'rcp',
    startsAt: '2026-12-01T11:30:00Z',
    presentIds: ['6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a', '1c0b9a8f-7e6d-4c5b-8a4f-3e2d1c0b9a8f'],
    excusedIds: [],
    absentIds: ['3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a'],
    professionsPresent: ['general_practitioner', 'nurse'],
    pluriprofessional: true,
    recordedAt: '2026-12-01T13:05:00Z',
  },
});

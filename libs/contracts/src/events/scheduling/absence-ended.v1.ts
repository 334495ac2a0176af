import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';

export interface AbsenceEndedV1 {
  absenceId: string;
  structureId: string;
  practitionerId: string;
  /** When the absence now ends (earlier than declared): from then on the practitioner is back. */
  endsAt: string;
  endedAt: string;
}

export const absenceEndedV1 = defineEvent<AbsenceEndedV1>({
  type: 'scheduling.absence.ended.v1',
  topic: TOPICS.scheduling,
  description:
    "An absence was ended earlier than declared: call routing stops forwarding the practitioner's calls, delegation sends validations back to them.",
  aggregateId: (data) => data.practitionerId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['absenceId', 'structureId', 'practitionerId', 'endsAt', 'endedAt'],
    properties: {
      absenceId: uuidSchema,
      structureId: uuidSchema,
      practitionerId: uuidSchema,
      endsAt: instantSchema,
      endedAt: instantSchema,
    },
  },
  example: {
    absenceId: '4f3e2d1c-0b9a-4876-8543-210fedcba987',
    structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
    practitionerId: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a',
    endsAt: '2026-12-03T12:00:00Z',
    endedAt: '2026-12-03T11:40:00Z',
  },
});

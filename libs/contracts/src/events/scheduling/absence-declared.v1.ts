import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';

export type AbsenceKind = 'absence' | 'holiday' | 'training' | 'blocked';

export interface AbsenceDeclaredV1 {
  absenceId: string;
  structureId: string;
  practitionerId: string;
  kind: AbsenceKind;
  startsAt: string;
  endsAt: string;
  declaredAt: string;
}

export const absenceDeclaredV1 = defineEvent<AbsenceDeclaredV1>({
  type: 'scheduling.absence.declared.v1',
  topic: TOPICS.scheduling,
  description:
    "Time was taken out of a practitioner's agenda (absence, holiday, training or blocked range): call routing forwards their calls, delegation reroutes validations to the backup referent.",
  aggregateId: (data) => data.practitionerId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['absenceId', 'structureId', 'practitionerId', 'kind', 'startsAt', 'endsAt', 'declaredAt'],
    properties: {
      absenceId: uuidSchema,
      structureId: uuidSchema,
      practitionerId: uuidSchema,
      kind: { type: 'string', enum: ['absence', 'holiday', 'training', 'blocked'] },
      startsAt: instantSchema,
      endsAt: instantSchema,
      declaredAt: instantSchema,
    },
  },
  example: {
    absenceId: '4f3e2d1c-0b9a-4876-8543-210fedcba987',
    structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
    practitionerId: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a',
    kind: 'training',
    startsAt: '2026-12-03T07:00:00Z',
    endsAt: '2026-12-03T17:00:00Z',
    declaredAt: '2026-11-23T09:00:00Z',
  },
});

import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, requiredNullableUuidSchema, uuidSchema } from '../event-definition';
import { CASE_THEMES, meetingKindSchema, type CaseThemeV1, type MeetingKindV1 } from './coordination-vocabulary';

export interface CaseReviewedV1 {
  caseId: string;
  meetingId: string;
  structureId: string;
  kind: MeetingKindV1;
  /** Opaque; the patient's identity stays in the directory. */
  patientId: string;
  theme: CaseThemeV1;
  presenterId: string | null;
  /** The meeting met the structure's pluriprofessional rule: the case counts toward the ACI's 5 %. */
  pluriprofessional: boolean;
  reviewedAt: string;
}

export const caseReviewedV1 = defineEvent<CaseReviewedV1>({
  type: 'coordination.case.reviewed.v1',
  topic: TOPICS.coordination,
  description: "A patient's case was reviewed in a meeting whose minutes closed: the written trace the ACI counts.",
  aggregateId: (data) => data.caseId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [
      'caseId',
      'meetingId',
      'structureId',
      'kind',
      'patientId',
      'theme',
      'presenterId',
      'pluriprofessional',
      'reviewedAt',
    ],
    properties: {
      caseId: uuidSchema,
      meetingId: uuidSchema,
      structureId: uuidSchema,
      kind: meetingKindSchema,
      patientId: uuidSchema,
      theme: { type: 'string', enum: [...CASE_THEMES] },
      presenterId: requiredNullableUuidSchema,
      pluriprofessional: { type: 'boolean' },
      reviewedAt: instantSchema,
    },
  },
  example: {
    caseId: '2b1a0908-7f6e-4d5c-8b4a-3f2e1d0c9b8a',
    meetingId: '5d4c3b2a-1908-4f7e-8d6c-5b4a39281706',
    structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
    kind: 'rcp',
    patientId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a',
    theme: 'polypathology',
    presenterId: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a',
    pluriprofessional: true,
    reviewedAt: '2026-12-01T13:55:00Z',
  },
});

import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, requiredNullableUuidSchema, uuidSchema } from '../event-definition';

export interface DecisionRecordedV1 {
  decisionId: string;
  meetingId: string;
  structureId: string;
  /** The case it was taken on; null for a decision of the meeting as a whole. */
  caseId: string | null;
  /** The delegation protocol the meeting elaborated or adopted by this decision, by reference. */
  protocolId: string | null;
  recordedAt: string;
}

export const decisionRecordedV1 = defineEvent<DecisionRecordedV1>({
  type: 'coordination.decision.recorded.v1',
  topic: TOPICS.coordination,
  description:
    'A decision stands in the closed minutes of a meeting; its wording stays in the minutes, a protocol is named by id.',
  aggregateId: (data) => data.decisionId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['decisionId', 'meetingId', 'structureId', 'caseId', 'protocolId', 'recordedAt'],
    properties: {
      decisionId: uuidSchema,
      meetingId: uuidSchema,
      structureId: uuidSchema,
      caseId: requiredNullableUuidSchema,
      protocolId: requiredNullableUuidSchema,
      recordedAt: instantSchema,
    },
  },
  example: {
    decisionId: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
    meetingId: '5d4c3b2a-1908-4f7e-8d6c-5b4a39281706',
    structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
    caseId: '2b1a0908-7f6e-4d5c-8b4a-3f2e1d0c9b8a',
    protocolId: null,
    recordedAt: '2026-12-01T13:55:00Z',
  },
});

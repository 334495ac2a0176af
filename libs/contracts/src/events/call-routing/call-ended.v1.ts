import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';
import { CALL_OUTCOMES, type CallOutcomeV1 } from './call-vocabulary';

export interface CallEndedV1 {
  callId: string;
  structureId: string;
  siteId: string;
  practitionerId?: string | null;
  outcome: CallOutcomeV1;
  /** Ended in self-service, information given or redirection to 15 (a message taken is counted apart). */
  handledWithoutHuman: boolean;
  durationSeconds: number;
  endedAt: string;
}

export const callEndedV1 = defineEvent<CallEndedV1>({
  type: 'call-routing.call.ended.v1',
  topic: TOPICS.callRouting,
  description: 'A call ended: its outcome and duration, what the indicators count as medical time saved.',
  aggregateId: (data) => data.callId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['callId', 'structureId', 'siteId', 'outcome', 'handledWithoutHuman', 'durationSeconds', 'endedAt'],
    properties: {
      callId: uuidSchema,
      structureId: uuidSchema,
      siteId: uuidSchema,
      practitionerId: { type: 'string', format: 'uuid', nullable: true },
      outcome: { type: 'string', enum: [...CALL_OUTCOMES] },
      handledWithoutHuman: { type: 'boolean' },
      durationSeconds: { type: 'integer', minimum: 0 },
      endedAt: instantSchema,
    },
  },
  example: {
    callId: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d',
    structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
    siteId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    practitionerId: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a',
    outcome: 'self_service_done',
    handledWithoutHuman: true,
    durationSeconds: 94,
    endedAt: '2026-11-30T08:03:34Z',
  },
});

import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';
import { CALL_INTENTS, type CallIntentV1 } from './call-vocabulary';

export interface MessageTakenV1 {
  callId: string;
  structureId: string;
  siteId: string;
  /** Whom the callback is for; null: the site's secretariat. */
  practitionerId?: string | null;
  /** The caller, when the directory identified one patient (opaque id); the callback number stays with the provider. */
  patientId?: string | null;
  intent: CallIntentV1;
  /** Why a message: the rulebook said so, no rule matched, or self-service could not be done (scheduling down…). */
  reason: 'rule' | 'fallback' | 'scheduling_unavailable' | 'caller_not_identified' | 'no_slot';
  /** Seconds of recorded message, null when the caller left none (the callback is still due). */
  recordingSeconds?: number | null;
  takenAt: string;
}

export const messageTakenV1 = defineEvent<MessageTakenV1>({
  type: 'call-routing.message.taken.v1',
  topic: TOPICS.callRouting,
  description:
    'The virtual secretary took a message instead of interrupting anyone: delegation turns it into a callback task.',
  aggregateId: (data) => data.callId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['callId', 'structureId', 'siteId', 'intent', 'reason', 'takenAt'],
    properties: {
      callId: uuidSchema,
      structureId: uuidSchema,
      siteId: uuidSchema,
      practitionerId: { type: 'string', format: 'uuid', nullable: true },
      patientId: { type: 'string', format: 'uuid', nullable: true },
      intent: { type: 'string', enum: [...CALL_INTENTS] },
      reason: {
        type: 'string',
        enum: ['rule', 'fallback', 'scheduling_unavailable', 'caller_not_identified', 'no_slot'],
      },
      recordingSeconds: { type: 'integer', minimum: 0, nullable: true },
      takenAt: instantSchema,
    },
  },
  example: {
    callId: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d',
    structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
    siteId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    practitionerId: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a',
    patientId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a',
    intent: 'prescription',
    reason: 'rule',
    recordingSeconds: 24,
    takenAt: '2026-11-30T08:03:00Z',
  },
});

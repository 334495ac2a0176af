import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';

export interface EmergencyRedirectedV1 {
  callId: string;
  structureId: string;
  siteId: string;
  practitionerId?: string | null;
  /** Urgency words in what the caller said, or the emergency menu choice. */
  trigger: 'keywords' | 'menu';
  redirectedAt: string;
}

export const emergencyRedirectedV1 = defineEvent<EmergencyRedirectedV1>({
  type: 'call-routing.emergency.redirected.v1',
  topic: TOPICS.callRouting,
  description: 'A call recognised as an emergency was sent to the 15 (SAMU): the practice may want to follow it up.',
  aggregateId: (data) => data.callId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['callId', 'structureId', 'siteId', 'trigger', 'redirectedAt'],
    properties: {
      callId: uuidSchema,
      structureId: uuidSchema,
      siteId: uuidSchema,
      practitionerId: { type: 'string', format: 'uuid', nullable: true },
      trigger: { type: 'string', enum: ['keywords', 'menu'] },
      redirectedAt: instantSchema,
    },
  },
  example: {
    callId: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d',
    structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
    siteId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    practitionerId: null,
    trigger: 'keywords',
    redirectedAt: '2026-11-30T08:02:05Z',
  },
});

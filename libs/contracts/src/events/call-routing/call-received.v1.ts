import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';

export interface CallReceivedV1 {
  callId: string;
  structureId: string;
  siteId: string;
  lineId: string;
  callerKind: 'patient' | 'professional' | 'unknown';
  /** The practitioner the call is about, when the line or the caller names one. */
  practitionerId?: string | null;
  receivedAt: string;
}

export const callReceivedV1 = defineEvent<CallReceivedV1>({
  type: 'call-routing.call.received.v1',
  topic: TOPICS.callRouting,
  description: "A call reached one of the practice's lines and its caller was identified (by kind only).",
  aggregateId: (data) => data.callId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['callId', 'structureId', 'siteId', 'lineId', 'callerKind', 'receivedAt'],
    properties: {
      callId: uuidSchema,
      structureId: uuidSchema,
      siteId: uuidSchema,
      lineId: uuidSchema,
      callerKind: { type: 'string', enum: ['patient', 'professional', 'unknown'] },
      practitionerId: { type: 'string', format: 'uuid', nullable: true },
      receivedAt: instantSchema,
    },
  },
  example: {
    callId: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d',
    structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
    siteId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    lineId: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
    callerKind: 'patient',
    practitionerId: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a',
    receivedAt: '2026-11-30T08:02:00Z',
  },
});

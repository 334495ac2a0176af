import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';
import { CALL_ACTIONS, CALL_INTENTS, type CallActionV1, type CallIntentV1 } from './call-vocabulary';

export interface CallRoutedV1 {
  callId: string;
  structureId: string;
  siteId: string;
  practitionerId?: string | null;
  intent: CallIntentV1;
  urgent: boolean;
  action: CallActionV1;
  /** The rule that decided, null when the built-in fallback (take a message) applied. */
  ruleId?: string | null;
  rulebookVersion?: number | null;
  practitionerStatus?: 'free' | 'in_consultation' | 'absent' | null;
  /** A transfer to the practitioner while in consultation: an interruption, by a rule the practice wrote. */
  interruptsConsultation: boolean;
  routedAt: string;
}

export const callRoutedV1 = defineEvent<CallRoutedV1>({
  type: 'call-routing.call.routed.v1',
  topic: TOPICS.callRouting,
  description: "The practice's rulebook decided what happens to a call: the action and the rule that chose it.",
  aggregateId: (data) => data.callId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['callId', 'structureId', 'siteId', 'intent', 'urgent', 'action', 'interruptsConsultation', 'routedAt'],
    properties: {
      callId: uuidSchema,
      structureId: uuidSchema,
      siteId: uuidSchema,
      practitionerId: { type: 'string', format: 'uuid', nullable: true },
      intent: { type: 'string', enum: [...CALL_INTENTS] },
      urgent: { type: 'boolean' },
      action: { type: 'string', enum: [...CALL_ACTIONS] },
      ruleId: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,39}$', nullable: true },
      rulebookVersion: { type: 'integer', minimum: 1, nullable: true },
      practitionerStatus: { type: 'string', enum: ['free', 'in_consultation', 'absent', null], nullable: true },
      interruptsConsultation: { type: 'boolean' },
      routedAt: instantSchema,
    },
  },
  example: {
    callId: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d',
    structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
    siteId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    practitionerId: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a',
    intent: 'book',
    urgent: false,
    action: 'self_service',
    ruleId: 'rendez-vous',
    rulebookVersion: 3,
    practitionerStatus: 'in_consultation',
    interruptsConsultation: false,
    routedAt: '2026-11-30T08:02:09Z',
  },
});

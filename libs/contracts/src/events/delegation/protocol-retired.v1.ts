import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';
import {
  PROTOCOL_FACTS_FIELDS,
  protocolFactsExample,
  protocolFactsProperties,
  type ProtocolFactsV1,
} from './protocol-content';

export interface ProtocolRetiredV1 extends ProtocolFactsV1 {
  retiredBy: string;
  retiredAt: string;
}

export const protocolRetiredV1 = defineEvent<ProtocolRetiredV1>({
  type: 'delegation.protocol.retired.v1',
  topic: TOPICS.delegation,
  description: 'A protocol no longer applies: no new task is done under it.',
  aggregateId: (data) => data.protocolId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [...PROTOCOL_FACTS_FIELDS, 'retiredBy', 'retiredAt'],
    properties: {
      ...protocolFactsProperties,
      retiredBy: uuidSchema,
      retiredAt: instantSchema,
    },
  },
  example: {
    ...protocolFactsExample,
    retiredBy: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a',
    retiredAt: '2027-06-30T12:45:00Z',
  },
});

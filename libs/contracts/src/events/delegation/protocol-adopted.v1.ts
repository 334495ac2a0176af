import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';
import {
  PROTOCOL_FACTS_FIELDS,
  protocolFactsExample,
  protocolFactsProperties,
  type ProtocolFactsV1,
} from './protocol-content';

export interface ProtocolAdoptedV1 extends ProtocolFactsV1 {
  adoptedBy: string;
  adoptedAt: string;
}

export const protocolAdoptedV1 = defineEvent<ProtocolAdoptedV1>({
  type: 'delegation.protocol.adopted.v1',
  topic: TOPICS.delegation,
  description:
    'A delegation protocol was adopted and applies from now (indicators count adopted pluriprofessional protocols; a meeting that adopts one refers to it by id).',
  aggregateId: (data) => data.protocolId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [...PROTOCOL_FACTS_FIELDS, 'adoptedBy', 'adoptedAt'],
    properties: {
      ...protocolFactsProperties,
      adoptedBy: uuidSchema,
      adoptedAt: instantSchema,
    },
  },
  example: {
    ...protocolFactsExample,
    adoptedBy: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a',
    adoptedAt: '2026-11-30T12:45:00Z',
  },
});

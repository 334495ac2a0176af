import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';
import {
  PROTOCOL_FACTS_FIELDS,
  protocolFactsExample,
  protocolFactsProperties,
  type ProtocolFactsV1,
} from './protocol-content';

export interface ProtocolRevisedV1 extends ProtocolFactsV1 {
  revisedBy: string;
  revisedAt: string;
}

export const protocolRevisedV1 = defineEvent<ProtocolRevisedV1>({
  type: 'delegation.protocol.revised.v1',
  topic: TOPICS.delegation,
  description: 'An adopted protocol got a new version; tasks created before keep the version they are done under.',
  aggregateId: (data) => data.protocolId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [...PROTOCOL_FACTS_FIELDS, 'revisedBy', 'revisedAt'],
    properties: {
      ...protocolFactsProperties,
      revisedBy: uuidSchema,
      revisedAt: instantSchema,
    },
  },
  example: {
    ...protocolFactsExample,
    revisedBy: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a',
    revisedAt: '2026-12-14T12:45:00Z',
  },
});

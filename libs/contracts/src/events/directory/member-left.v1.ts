import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';

export interface MemberLeftV1 {
  memberId: string;
  structureId: string;
  leftAt: string;
}

export const memberLeftV1 = defineEvent<MemberLeftV1>({
  type: 'directory.member.left.v1',
  topic: TOPICS.directory,
  description: 'A member left a structure; their agenda, rules and delegations there must be handed over.',
  aggregateId: (data) => data.memberId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['memberId', 'structureId', 'leftAt'],
    properties: { memberId: uuidSchema, structureId: uuidSchema, leftAt: instantSchema },
  },
  example: {
    memberId: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a',
    structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
    leftAt: '2026-12-31T17:00:00Z',
  },
});

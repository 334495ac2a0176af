import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';

export interface MemberJoinedV1 {
  memberId: string;
  structureId: string;
  profession: string;
  roles: string[];
  siteIds: string[];
  /** Set for delegates (medical assistants): the physician who validates their work, and the backup. */
  referentId?: string | null;
  backupReferentId?: string | null;
  /** The practitioner's RPPS number, when known: how insurer statements and practice software name them. */
  rpps?: string | null;
  joinedAt: string;
}

export const memberJoinedV1 = defineEvent<MemberJoinedV1>({
  type: 'directory.member.joined.v1',
  topic: TOPICS.directory,
  description: 'A professional became a member of a structure (MSP or CPTS).',
  aggregateId: (data) => data.memberId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['memberId', 'structureId', 'profession', 'roles', 'siteIds', 'joinedAt'],
    properties: {
      memberId: uuidSchema,
      structureId: uuidSchema,
      profession: { type: 'string', minLength: 1, maxLength: 64 },
      roles: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
      siteIds: { type: 'array', items: uuidSchema, uniqueItems: true },
      referentId: { type: 'string', format: 'uuid', nullable: true },
      backupReferentId: { type: 'string', format: 'uuid', nullable: true },
      rpps: { type: 'string', pattern: '^[0-9]{11}$', nullable: true },
      joinedAt: instantSchema,
    },
  },
  example: {
    memberId: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a',
    structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
    profession: 'general_practitioner',
    roles: ['practitioner'],
    siteIds: ['a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'],
    joinedAt: '2026-11-23T08:00:00Z',
  },
});

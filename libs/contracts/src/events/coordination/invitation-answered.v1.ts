import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';
import { INVITATION_ANSWERS, type InvitationAnswerV1 } from './coordination-vocabulary';

export interface InvitationAnsweredV1 {
  meetingId: string;
  structureId: string;
  memberId: string;
  answer: InvitationAnswerV1;
  answeredAt: string;
}

export const invitationAnsweredV1 = defineEvent<InvitationAnsweredV1>({
  type: 'coordination.invitation.answered.v1',
  topic: TOPICS.coordination,
  description:
    'An invitee answered a meeting invitation: `no` frees their agenda in scheduling, `yes` or `maybe` keeps it held.',
  aggregateId: (data) => data.meetingId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['meetingId', 'structureId', 'memberId', 'answer', 'answeredAt'],
    properties: {
      meetingId: uuidSchema,
      structureId: uuidSchema,
      memberId: uuidSchema,
      answer: { type: 'string', enum: [...INVITATION_ANSWERS] },
      answeredAt: instantSchema,
    },
  },
  example: {
    meetingId: '5d4c3b2a-1908-4f7e-8d6c-5b4a39281706',
    structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
    memberId: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a',
    answer: 'yes',
    answeredAt: '2026-11-21T07:45:00Z',
  },
});

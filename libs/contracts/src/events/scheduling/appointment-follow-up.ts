import { instantSchema } from '../event-definition';

/** Complementary exams a practitioner may ask the team to chase after a consultation (codes, never free text). */
export const FOLLOW_UP_EXAMS = [
  'biology',
  'imaging',
  'specialist_opinion',
  'pathology',
  'functional_test',
  'other',
] as const;
export type FollowUpExamV1 = (typeof FOLLOW_UP_EXAMS)[number];

/** What the practitioner asked for when completing an appointment: an exam's result to chase before a date. */
export interface AppointmentFollowUpV1 {
  kind: 'exam_to_chase';
  exam: FollowUpExamV1;
  /** The result should be in by then; delegation's task is due then. */
  dueBy: string;
}

export const appointmentFollowUpSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'exam', 'dueBy'],
  properties: {
    kind: { type: 'string', enum: ['exam_to_chase'] },
    exam: { type: 'string', enum: [...FOLLOW_UP_EXAMS] },
    dueBy: instantSchema,
  },
} as const;

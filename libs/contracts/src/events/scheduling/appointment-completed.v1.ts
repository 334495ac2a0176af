import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema } from '../event-definition';
import {
  APPOINTMENT_SNAPSHOT_FIELDS,
  appointmentSnapshotExample,
  appointmentSnapshotProperties,
  type AppointmentSnapshotV1,
} from './appointment-snapshot';
import { appointmentFollowUpSchema, type AppointmentFollowUpV1 } from './appointment-follow-up';

export interface AppointmentCompletedV1 extends AppointmentSnapshotV1 {
  completedAt: string;
  /** An exam the practitioner asked the team to chase: delegation creates one follow-up task. */
  followUp?: AppointmentFollowUpV1 | null;
}

export const appointmentCompletedV1 = defineEvent<AppointmentCompletedV1>({
  type: 'scheduling.appointment.completed.v1',
  topic: TOPICS.scheduling,
  description:
    'An appointment took place and is done (consultations counted by indicators); an exam to chase becomes a delegation task.',
  aggregateId: (data) => data.appointmentId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [...APPOINTMENT_SNAPSHOT_FIELDS, 'completedAt'],
    properties: {
      ...appointmentSnapshotProperties,
      completedAt: instantSchema,
      followUp: { ...appointmentFollowUpSchema, nullable: true },
    },
  },
  example: {
    ...appointmentSnapshotExample,
    completedAt: '2026-11-24T08:21:00Z',
    followUp: { kind: 'exam_to_chase', exam: 'biology', dueBy: '2026-12-08T08:21:00Z' },
  },
});

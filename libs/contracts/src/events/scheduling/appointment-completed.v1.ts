import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema } from '../event-definition';
import {
  APPOINTMENT_SNAPSHOT_FIELDS,
  appointmentSnapshotExample,
  appointmentSnapshotProperties,
  type AppointmentSnapshotV1,
} from './appointment-snapshot';

export interface AppointmentCompletedV1 extends AppointmentSnapshotV1 {
  completedAt: string;
}

export const appointmentCompletedV1 = defineEvent<AppointmentCompletedV1>({
  type: 'scheduling.appointment.completed.v1',
  topic: TOPICS.scheduling,
  description: 'An appointment took place and is done (consultations counted by indicators).',
  aggregateId: (data) => data.appointmentId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [...APPOINTMENT_SNAPSHOT_FIELDS, 'completedAt'],
    properties: {
      ...appointmentSnapshotProperties,
      completedAt: instantSchema,
    },
  },
  example: {
    ...appointmentSnapshotExample,
    completedAt: '2026-11-24T08:21:00Z',
  },
});

import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema } from '../event-definition';
import {
  APPOINTMENT_SNAPSHOT_FIELDS,
  appointmentSnapshotExample,
  appointmentSnapshotProperties,
  type AppointmentSnapshotV1,
} from './appointment-snapshot';

export interface AppointmentConsultationStartedV1 extends AppointmentSnapshotV1 {
  startedAt: string;
}

export const appointmentConsultationStartedV1 = defineEvent<AppointmentConsultationStartedV1>({
  type: 'scheduling.appointment.consultation-started.v1',
  topic: TOPICS.scheduling,
  description:
    'The practitioner started the consultation of an appointment: until it is completed, the practitioner is in consultation (call routing decides whether to interrupt).',
  aggregateId: (data) => data.appointmentId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [...APPOINTMENT_SNAPSHOT_FIELDS, 'startedAt'],
    properties: {
      ...appointmentSnapshotProperties,
      startedAt: instantSchema,
    },
  },
  example: {
    ...appointmentSnapshotExample,
    startedAt: '2026-11-24T08:02:00Z',
  },
});

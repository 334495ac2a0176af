import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema } from '../event-definition';
import {
  APPOINTMENT_SNAPSHOT_FIELDS,
  appointmentSnapshotExample,
  appointmentSnapshotProperties,
  type AppointmentSnapshotV1,
} from './appointment-snapshot';

export interface AppointmentNoShowV1 extends AppointmentSnapshotV1 {
  markedAt: string;
}

export const appointmentNoShowV1 = defineEvent<AppointmentNoShowV1>({
  type: 'scheduling.appointment.no-show.v1',
  topic: TOPICS.scheduling,
  description:
    'The patient did not come to an appointment that has started (no-show rate per practitioner, indicators).',
  aggregateId: (data) => data.appointmentId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [...APPOINTMENT_SNAPSHOT_FIELDS, 'markedAt'],
    properties: {
      ...appointmentSnapshotProperties,
      markedAt: instantSchema,
    },
  },
  example: {
    ...appointmentSnapshotExample,
    markedAt: '2026-11-24T08:40:00Z',
  },
});

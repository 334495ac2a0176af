import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema } from '../event-definition';
import {
  APPOINTMENT_SNAPSHOT_FIELDS,
  appointmentSnapshotExample,
  appointmentSnapshotProperties,
  type AppointmentSnapshotV1,
} from './appointment-snapshot';

export interface AppointmentArrivedV1 extends AppointmentSnapshotV1 {
  arrivedAt: string;
}

export const appointmentArrivedV1 = defineEvent<AppointmentArrivedV1>({
  type: 'scheduling.appointment.arrived.v1',
  topic: TOPICS.scheduling,
  description: 'The patient of an appointment arrived at the practice (in the waiting room).',
  aggregateId: (data) => data.appointmentId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [...APPOINTMENT_SNAPSHOT_FIELDS, 'arrivedAt'],
    properties: {
      ...appointmentSnapshotProperties,
      arrivedAt: instantSchema,
    },
  },
  example: {
    ...appointmentSnapshotExample,
    arrivedAt: '2026-11-24T07:55:00Z',
  },
});

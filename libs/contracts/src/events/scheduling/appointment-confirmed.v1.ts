import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';

export interface AppointmentConfirmedV1 {
  appointmentId: string;
  practitionerId: string;
  patientId: string;
  confirmedAt: string;
}

export const appointmentConfirmedV1 = defineEvent<AppointmentConfirmedV1>({
  type: 'scheduling.appointment.confirmed.v1',
  topic: TOPICS.scheduling,
  description:
    'A held slot was confirmed before its hold lapsed. The confirmation also records `scheduling.appointment.booked.v1`, so consumers counting bookings need only that one.',
  aggregateId: (data) => data.appointmentId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['appointmentId', 'practitionerId', 'patientId', 'confirmedAt'],
    properties: {
      appointmentId: uuidSchema,
      practitionerId: uuidSchema,
      patientId: uuidSchema,
      confirmedAt: instantSchema,
    },
  },
  example: {
    appointmentId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
    practitionerId: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a',
    patientId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a',
    confirmedAt: '2026-11-23T10:02:00Z',
  },
});

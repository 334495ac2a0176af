import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';

export interface AppointmentHoldLapsedV1 {
  appointmentId: string;
  practitionerId: string;
  startsAt: string;
  endsAt: string;
  lapsedAt: string;
}

export const appointmentHoldLapsedV1 = defineEvent<AppointmentHoldLapsedV1>({
  type: 'scheduling.appointment.hold-lapsed.v1',
  topic: TOPICS.scheduling,
  description: 'A hold was not confirmed in time; its slot is free again.',
  aggregateId: (data) => data.appointmentId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['appointmentId', 'practitionerId', 'startsAt', 'endsAt', 'lapsedAt'],
    properties: {
      appointmentId: uuidSchema,
      practitionerId: uuidSchema,
      startsAt: instantSchema,
      endsAt: instantSchema,
      lapsedAt: instantSchema,
    },
  },
  example: {
    appointmentId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
    practitionerId: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a',
    startsAt: '2026-11-24T08:00:00Z',
    endsAt: '2026-11-24T08:20:00Z',
    lapsedAt: '2026-11-23T10:05:30Z',
  },
});

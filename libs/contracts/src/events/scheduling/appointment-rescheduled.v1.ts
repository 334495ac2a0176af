import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';
import type { BookingChannel } from './appointment-booked.v1';
import {
  APPOINTMENT_SNAPSHOT_FIELDS,
  appointmentSnapshotExample,
  appointmentSnapshotProperties,
  type AppointmentSnapshotV1,
} from './appointment-snapshot';

/** The snapshot says where and when the appointment now is. */
export interface AppointmentRescheduledV1 extends AppointmentSnapshotV1 {
  /** Where and when it was: that time is free again. */
  previousSiteId: string;
  previousPractitionerId: string;
  previousStartsAt: string;
  previousEndsAt: string;
  rescheduledBy: BookingChannel;
  rescheduledAt: string;
}

export const appointmentRescheduledV1 = defineEvent<AppointmentRescheduledV1>({
  type: 'scheduling.appointment.rescheduled.v1',
  topic: TOPICS.scheduling,
  description:
    'An appointment moved to another time (and possibly another site or practitioner of the structure); its previous time is free again. Same appointment id: reminders and waitlists follow it.',
  aggregateId: (data) => data.appointmentId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [
      ...APPOINTMENT_SNAPSHOT_FIELDS,
      'previousSiteId',
      'previousPractitionerId',
      'previousStartsAt',
      'previousEndsAt',
      'rescheduledBy',
      'rescheduledAt',
    ],
    properties: {
      ...appointmentSnapshotProperties,
      previousSiteId: uuidSchema,
      previousPractitionerId: uuidSchema,
      previousStartsAt: instantSchema,
      previousEndsAt: instantSchema,
      rescheduledBy: { type: 'string', enum: ['staff', 'online', 'virtual_secretary'] },
      rescheduledAt: instantSchema,
    },
  },
  example: {
    ...appointmentSnapshotExample,
    startsAt: '2026-11-26T13:00:00Z',
    endsAt: '2026-11-26T13:20:00Z',
    previousSiteId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    previousPractitionerId: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a',
    previousStartsAt: '2026-11-24T08:00:00Z',
    previousEndsAt: '2026-11-24T08:20:00Z',
    rescheduledBy: 'staff',
    rescheduledAt: '2026-11-23T09:12:00Z',
  },
});

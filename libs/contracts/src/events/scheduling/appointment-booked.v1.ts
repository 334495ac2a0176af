import { TOPICS } from '../../topics/topics';
import { defineEvent } from '../event-definition';
import {
  APPOINTMENT_SNAPSHOT_FIELDS,
  appointmentSnapshotExample,
  appointmentSnapshotProperties,
  type AppointmentSnapshotV1,
} from './appointment-snapshot';

export type BookingChannel = 'staff' | 'online' | 'virtual_secretary';

export interface AppointmentBookedV1 extends AppointmentSnapshotV1 {
  bookedBy: BookingChannel;
}

export const appointmentBookedV1 = defineEvent<AppointmentBookedV1>({
  type: 'scheduling.appointment.booked.v1',
  topic: TOPICS.scheduling,
  description: "An appointment was booked in a practitioner's agenda.",
  aggregateId: (data) => data.appointmentId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [...APPOINTMENT_SNAPSHOT_FIELDS, 'bookedBy'],
    properties: {
      ...appointmentSnapshotProperties,
      bookedBy: { type: 'string', enum: ['staff', 'online', 'virtual_secretary'] },
    },
  },
  example: {
    ...appointmentSnapshotExample,
    bookedBy: 'staff',
  },
});

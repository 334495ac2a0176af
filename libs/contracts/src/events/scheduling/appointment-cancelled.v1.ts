import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';

export type CancellationParty = 'patient' | 'practitioner' | 'staff' | 'virtual_secretary';

export interface AppointmentCancelledV1 {
  appointmentId: string;
  practitionerId: string;
  cancelledBy: CancellationParty;
  /** A reason code, not free text: free text may hold medical content. */
  reason: 'patient_request' | 'practitioner_absent' | 'duplicate' | 'rescheduled' | 'other';
  cancelledAt: string;
  /** Optional context, so consumers (waitlist, reminders, indicators) need not keep their own copy of the appointment. */
  structureId?: string;
  siteId?: string;
  startsAt?: string;
  endsAt?: string;
}

export const appointmentCancelledV1 = defineEvent<AppointmentCancelledV1>({
  type: 'scheduling.appointment.cancelled.v1',
  topic: TOPICS.scheduling,
  description: 'An appointment was cancelled; its time is free again.',
  aggregateId: (data) => data.appointmentId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['appointmentId', 'practitionerId', 'cancelledBy', 'reason', 'cancelledAt'],
    properties: {
      appointmentId: uuidSchema,
      practitionerId: uuidSchema,
      cancelledBy: { type: 'string', enum: ['patient', 'practitioner', 'staff', 'virtual_secretary'] },
      reason: { type: 'string', enum: ['patient_request', 'practitioner_absent', 'duplicate', 'rescheduled', 'other'] },
      cancelledAt: instantSchema,
      structureId: { type: 'string', format: 'uuid', nullable: true },
      siteId: { type: 'string', format: 'uuid', nullable: true },
      startsAt: { type: 'string', format: 'date-time', nullable: true },
      endsAt: { type: 'string', format: 'date-time', nullable: true },
    },
  },
  example: {
    appointmentId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
    practitionerId: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a',
    cancelledBy: 'patient',
    reason: 'patient_request',
    cancelledAt: '2026-11-23T17:30:00Z',
  },
});

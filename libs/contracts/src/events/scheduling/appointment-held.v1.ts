import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';
import type { BookingChannel } from './appointment-booked.v1';

export interface AppointmentHeldV1 {
  appointmentId: string;
  structureId: string;
  siteId: string;
  practitionerId: string;
  motifId: string;
  startsAt: string;
  endsAt: string;
  /** Unless confirmed before this instant, the hold lapses and the time is free again. */
  holdExpiresAt: string;
  heldBy: BookingChannel;
  /** Set when the caller is already identified. */
  patientId?: string;
}

export const appointmentHeldV1 = defineEvent<AppointmentHeldV1>({
  type: 'scheduling.appointment.held.v1',
  topic: TOPICS.scheduling,
  description:
    "A slot of a practitioner's agenda is held for a few minutes while a caller confirms (virtual secretary or staff on the phone).",
  aggregateId: (data) => data.appointmentId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [
      'appointmentId',
      'structureId',
      'siteId',
      'practitionerId',
      'motifId',
      'startsAt',
      'endsAt',
      'holdExpiresAt',
      'heldBy',
    ],
    properties: {
      appointmentId: uuidSchema,
      structureId: uuidSchema,
      siteId: uuidSchema,
      practitionerId: uuidSchema,
      motifId: uuidSchema,
      startsAt: instantSchema,
      endsAt: instantSchema,
      holdExpiresAt: instantSchema,
      heldBy: { type: 'string', enum: ['staff', 'online', 'virtual_secretary'] },
      patientId: { type: 'string', format: 'uuid', nullable: true },
    },
  },
  example: {
    appointmentId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
    structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
    siteId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    practitionerId: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a',
    motifId: '5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c',
    startsAt: '2026-11-24T08:00:00Z',
    endsAt: '2026-11-24T08:20:00Z',
    holdExpiresAt: '2026-11-23T10:05:00Z',
    heldBy: 'virtual_secretary',
  },
});

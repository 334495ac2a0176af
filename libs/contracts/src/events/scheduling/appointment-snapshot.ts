import { instantSchema, uuidSchema } from '../event-definition';

/** Where, when, with whom and for what an appointment is: the common part of the appointment lifecycle events. */
export interface AppointmentSnapshotV1 {
  appointmentId: string;
  structureId: string;
  siteId: string;
  practitionerId: string;
  patientId: string;
  motifId: string;
  startsAt: string;
  endsAt: string;
}

export const appointmentSnapshotProperties = {
  appointmentId: uuidSchema,
  structureId: uuidSchema,
  siteId: uuidSchema,
  practitionerId: uuidSchema,
  patientId: uuidSchema,
  motifId: uuidSchema,
  startsAt: instantSchema,
  endsAt: instantSchema,
} as const;

export const APPOINTMENT_SNAPSHOT_FIELDS = Object.keys(appointmentSnapshotProperties) as Array<
  keyof AppointmentSnapshotV1
>;

export const appointmentSnapshotExample: AppointmentSnapshotV1 = {
  appointmentId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
  structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
  siteId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  practitionerId: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a',
  patientId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a',
  motifId: '5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c',
  startsAt: '2026-11-24T08:00:00Z',
  endsAt: '2026-11-24T08:20:00Z',
};

import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';

/** Deliberately identity-free: other services learn that a patient exists, never who they are. */
export interface PatientRegisteredV1 {
  patientId: string;
  structureId: string;
  /** Added in place (optional, additive): the consent given at registration; absent means "not known", read as false. */
  consentToReminders?: boolean;
  registeredAt: string;
}

export const patientRegisteredV1 = defineEvent<PatientRegisteredV1>({
  type: 'directory.patient.registered.v1',
  topic: TOPICS.directory,
  description:
    'A patient was registered in a structure. Carries the opaque patient id only; identity stays in the directory.',
  aggregateId: (data) => data.patientId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['patientId', 'structureId', 'registeredAt'],
    properties: {
      patientId: uuidSchema,
      structureId: uuidSchema,
      consentToReminders: { type: 'boolean', nullable: true },
      registeredAt: instantSchema,
    },
  },
  example: {
    patientId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a',
    structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
    registeredAt: '2026-11-23T08:05:00Z',
  },
});

import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';

/** Which kinds of facts changed, never their values: identity stays in the directory. */
export type PatientChange = 'identity' | 'contact' | 'medecin_traitant' | 'call_flags' | 'reminder_consent';

export interface PatientUpdatedV1 {
  patientId: string;
  structureId: string;
  changes: PatientChange[];
  medecinTraitantId?: string;
  consentToReminders: boolean;
  updatedAt: string;
}

export const patientUpdatedV1 = defineEvent<PatientUpdatedV1>({
  type: 'directory.patient.updated.v1',
  topic: TOPICS.directory,
  description:
    "A patient's record changed. Says what kind of fact changed; carries the médecin traitant id and reminder consent, never identity.",
  aggregateId: (data) => data.patientId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['patientId', 'structureId', 'changes', 'consentToReminders', 'updatedAt'],
    properties: {
      patientId: uuidSchema,
      structureId: uuidSchema,
      changes: {
        type: 'array',
        minItems: 1,
        uniqueItems: true,
        items: { type: 'string', enum: ['identity', 'contact', 'medecin_traitant', 'call_flags', 'reminder_consent'] },
      },
      medecinTraitantId: { type: 'string', format: 'uuid', nullable: true },
      consentToReminders: { type: 'boolean' },
      updatedAt: instantSchema,
    },
  },
  example: {
    patientId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a',
    structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
    changes: ['contact', 'reminder_consent'],
    medecinTraitantId: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a',
    consentToReminders: true,
    updatedAt: '2026-11-23T10:00:00Z',
  },
});

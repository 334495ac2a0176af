import { uuidSchema } from '../event-definition';
import { VALIDATION_CIRCUITS, type ValidationCircuitV1 } from './delegation-vocabulary';

/** What the other services need of a protocol version: never its procedure text, only its shape. */
export interface ProtocolFactsV1 {
  protocolId: string;
  structureId: string;
  version: number;
  /** The catalogue task type the protocol delegates. */
  taskType: string;
  validationCircuit: ValidationCircuitV1;
  executingRoles: string[];
  /** The professions the protocol involves (the referent physicians' and the delegates'). */
  professions: string[];
  /** At least two professions, one of them a physician's: what the ACI counts as a pluriprofessional protocol. */
  pluriprofessional: boolean;
  standardMinutes: number;
}

export const protocolFactsProperties = {
  protocolId: uuidSchema,
  structureId: uuidSchema,
  version: { type: 'integer', minimum: 1 },
  taskType: { type: 'string', pattern: '^[a-z][a-z0-9_]{1,63}$' },
  validationCircuit: { type: 'string', enum: [...VALIDATION_CIRCUITS] },
  executingRoles: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, uniqueItems: true },
  professions: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
  pluriprofessional: { type: 'boolean' },
  standardMinutes: { type: 'integer', minimum: 0, maximum: 1440 },
} as const;

export const PROTOCOL_FACTS_FIELDS = Object.keys(protocolFactsProperties) as Array<keyof ProtocolFactsV1>;

export const protocolFactsExample: ProtocolFactsV1 = {
  protocolId: '2b1a0f9e-8d7c-4b6a-9f5e-4d3c2b1a0f9e',
  structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
  version: 1,
  taskType: 'exam_follow_up',
  validationCircuit: 'weekly_review',
  executingRoles: ['medical_assistant'],
  professions: ['general_practitioner', 'medical_assistant'],
  pluriprofessional: true,
  standardMinutes: 6,
};

import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, requiredNullableUuidSchema, uuidSchema } from '../event-definition';

export interface ThresholdCrossedV1 {
  structureId: string;
  practitionerId: string | null;
  catalogue: string;
  indicatorCode: string;
  period: string;
  objective: 'intermediate' | 'target';
  /** `reached`: the value now meets the objective; `lost`: it met it and no longer does. */
  crossing: 'reached' | 'lost';
  objectiveValue: number;
  level: number;
  crossedAt: string;
}

export const thresholdCrossedV1 = defineEvent<ThresholdCrossedV1>({
  type: 'indicators.threshold.crossed.v1',
  topic: TOPICS.indicators,
  description:
    'An indicator’s new value reached, or fell back below, the intermediate or target objective its structure set (in the indicator’s direction).',
  aggregateId: (data) => data.structureId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [
      'structureId',
      'practitionerId',
      'catalogue',
      'indicatorCode',
      'period',
      'objective',
      'crossing',
      'objectiveValue',
      'level',
      'crossedAt',
    ],
    properties: {
      structureId: uuidSchema,
      practitionerId: requiredNullableUuidSchema,
      catalogue: { type: 'string', pattern: '^[A-Z0-9][A-Z0-9_-]{0,39}$' },
      indicatorCode: { type: 'string', pattern: '^[A-Z0-9][A-Z0-9-]{0,59}$' },
      period: { type: 'string', pattern: '^\\d{4}(-(0[1-9]|1[0-2])|-T[1-4])?$' },
      objective: { type: 'string', enum: ['intermediate', 'target'] },
      crossing: { type: 'string', enum: ['reached', 'lost'] },
      objectiveValue: { type: 'number', minimum: 0 },
      level: { type: 'number', minimum: 0 },
      crossedAt: instantSchema,
    },
  },
  example: {
    structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
    practitionerId: null,
    catalogue: 'OPERATIONAL',
    indicatorCode: 'OPS-NO-SHOW-RATE',
    period: '2026-11',
    objective: 'intermediate',
    crossing: 'reached',
    objectiveValue: 4,
    level: 3.85,
    crossedAt: '2026-11-30T18:02:00Z',
  },
});

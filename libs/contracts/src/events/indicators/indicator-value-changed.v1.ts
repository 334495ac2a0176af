import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, requiredNullableUuidSchema, uuidSchema } from '../event-definition';

export interface IndicatorValueChangedV1 {
  structureId: string;
  /** Null: the structure's own value; otherwise one practitioner's. */
  practitionerId: string | null;
  catalogue: string;
  indicatorCode: string;
  /**
   * `YYYY-MM` (a month in the structure's zone) for the values the events measure; an imported or declared value keeps
   * the period it was given for: `YYYY-MM`, a quarter `YYYY-Tn` or a year `YYYY`.
   */
  period: string;
  /** The level in the indicator's unit (percent for a rate); null when it cannot be computed (no denominator). */
  previousLevel?: number | null;
  level?: number | null;
  numerator: number;
  denominator?: number | null;
  computedAt: string;
}

const nullableNumber = { type: 'number', minimum: 0, nullable: true } as const;

export const indicatorValueChangedV1 = defineEvent<IndicatorValueChangedV1>({
  type: 'indicators.indicator-value.changed.v1',
  topic: TOPICS.indicators,
  description:
    'An operational indicator of a structure (or one of its practitioners) took a new value for a month, recomputed from the other services’ events.',
  aggregateId: (data) => data.structureId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['structureId', 'practitionerId', 'catalogue', 'indicatorCode', 'period', 'numerator', 'computedAt'],
    properties: {
      structureId: uuidSchema,
      practitionerId: requiredNullableUuidSchema,
      catalogue: { type: 'string', pattern: '^[A-Z0-9][A-Z0-9_-]{0,39}$' },
      indicatorCode: { type: 'string', pattern: '^[A-Z0-9][A-Z0-9-]{0,59}$' },
      period: { type: 'string', pattern: '^\\d{4}(-(0[1-9]|1[0-2])|-T[1-4])?$' },
      previousLevel: nullableNumber,
      level: nullableNumber,
      numerator: { type: 'number', minimum: 0 },
      denominator: nullableNumber,
      computedAt: instantSchema,
    },
  },
  example: {
    structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
    practitionerId: null,
    catalogue: 'OPERATIONAL',
    indicatorCode: 'OPS-NO-SHOW-RATE',
    period: '2026-11',
    previousLevel: 4,
    level: 3.85,
    numerator: 5,
    denominator: 130,
    computedAt: '2026-11-30T18:02:00Z',
  },
});

import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';

export interface SnpReleasedV1 {
  practitionerId: string;
  structureId: string;
  /** The local date (site zone) whose held-back slots became visible, YYYY-MM-DD. */
  date: string;
  /** The release instant of the rule (N days before at HH:mm, site time). */
  releasedAt: string;
  siteIds: string[];
  openingRangeIds: string[];
}

export const snpReleasedV1 = defineEvent<SnpReleasedV1>({
  type: 'scheduling.snp.released.v1',
  topic: TOPICS.scheduling,
  description:
    "A practitioner's unscheduled-care (SNP) slots of one day became visible outside staff (online booking, virtual secretary, CPTS partners). Published once per practitioner, day and release instant.",
  aggregateId: (data) => data.practitionerId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['practitionerId', 'structureId', 'date', 'releasedAt', 'siteIds', 'openingRangeIds'],
    properties: {
      practitionerId: uuidSchema,
      structureId: uuidSchema,
      date: { type: 'string', format: 'date' },
      releasedAt: instantSchema,
      siteIds: { type: 'array', items: uuidSchema, uniqueItems: true, minItems: 1 },
      openingRangeIds: { type: 'array', items: uuidSchema, uniqueItems: true, minItems: 1 },
    },
  },
  example: {
    practitionerId: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a',
    structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
    date: '2026-11-24',
    releasedAt: '2026-11-23T17:00:00Z',
    siteIds: ['a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'],
    openingRangeIds: ['2b3c4d5e-6f70-4a1b-8c2d-3e4f5a6b7c8d'],
  },
});

import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';

export interface OpeningRangesChangedV1 {
  practitionerId: string;
  structureId: string;
  siteId: string;
  openingRangeId: string;
  change: 'defined' | 'removed';
  changedAt: string;
}

export const openingRangesChangedV1 = defineEvent<OpeningRangesChangedV1>({
  type: 'scheduling.opening-ranges.changed.v1',
  topic: TOPICS.scheduling,
  description:
    "A practitioner's recurring opening ranges at a site changed (one range defined or removed); free slots may differ.",
  aggregateId: (data) => data.practitionerId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['practitionerId', 'structureId', 'siteId', 'openingRangeId', 'change', 'changedAt'],
    properties: {
      practitionerId: uuidSchema,
      structureId: uuidSchema,
      siteId: uuidSchema,
      openingRangeId: uuidSchema,
      change: { type: 'string', enum: ['defined', 'removed'] },
      changedAt: instantSchema,
    },
  },
  example: {
    practitionerId: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a',
    structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
    siteId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    openingRangeId: '2a1b0c9d-8e7f-4a6b-9c5d-4e3f2a1b0c9d',
    change: 'defined',
    changedAt: '2026-11-23T09:00:00Z',
  },
});

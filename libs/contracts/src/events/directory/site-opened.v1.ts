import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';
import { openingHoursSchema, type OpeningHoursV1 } from './opening-hours.schema';

export interface SiteOpenedV1 {
  siteId: string;
  structureId: string;
  timeZone: string;
  openingHours: OpeningHoursV1[];
  openedAt: string;
}

export const siteOpenedV1 = defineEvent<SiteOpenedV1>({
  type: 'directory.site.opened.v1',
  topic: TOPICS.directory,
  description: 'A structure opened a site (practice location) with its time zone and weekly opening hours.',
  aggregateId: (data) => data.siteId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['siteId', 'structureId', 'timeZone', 'openingHours', 'openedAt'],
    properties: {
      siteId: uuidSchema,
      structureId: uuidSchema,
      timeZone: { type: 'string', minLength: 1, maxLength: 64 },
      openingHours: openingHoursSchema,
      openedAt: instantSchema,
    },
  },
  example: {
    siteId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
    timeZone: 'Europe/Paris',
    openingHours: [{ weekday: 1, opens: '08:00', closes: '19:00' }],
    openedAt: '2026-11-23T08:00:00Z',
  },
});

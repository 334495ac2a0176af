import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';
import { openingHoursSchema, type OpeningHoursV1 } from './opening-hours.schema';

export interface SiteHoursChangedV1 {
  siteId: string;
  structureId: string;
  timeZone: string;
  openingHours: OpeningHoursV1[];
  changedAt: string;
}

export const siteHoursChangedV1 = defineEvent<SiteHoursChangedV1>({
  type: 'directory.site.hours-changed.v1',
  topic: TOPICS.directory,
  description: "A site's weekly opening hours changed (the whole new week is carried, not a diff).",
  aggregateId: (data) => data.siteId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['siteId', 'structureId', 'timeZone', 'openingHours', 'changedAt'],
    properties: {
      siteId: uuidSchema,
      structureId: uuidSchema,
      timeZone: { type: 'string', minLength: 1, maxLength: 64 },
      openingHours: openingHoursSchema,
      changedAt: instantSchema,
    },
  },
  example: {
    siteId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
    timeZone: 'Indian/Reunion',
    openingHours: [
      { weekday: 1, opens: '07:30', closes: '12:00' },
      { weekday: 1, opens: '14:00', closes: '18:30' },
    ],
    changedAt: '2026-11-23T08:00:00Z',
  },
});

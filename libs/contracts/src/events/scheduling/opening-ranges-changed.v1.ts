import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';

/** The grid a range's SNP slots are counted on: the finest motif the range offers its practitioner. */
export interface OpeningRangeSnpSlotV1 {
  motifId: string;
  durationMinutes: number;
  bufferAfterMinutes: number;
}

/**
 * One opening range defined or removed. The ids are in every event; what the range is (added to v1, so optional: older
 * events carry ids only) lets a consumer expand it without asking scheduling — `occurrenceDates(recurrence, validFrom,
 * …)` and `atWallTime` of `@msp/calendar` in `timeZone`, and `slotGrid` + `isSnpIndex` on `snpSlot` for the SNP slots.
 *
 * A range is removed from a local day on (`removedFrom`, added to v1 too): ended from that day (`validUntil` is then the
 * day before), or withdrawn before its first day (`removedFrom` = `validFrom`: it never occurs). A range edited from a
 * day is removed from that day and continued by a new range (`defined`, its own id) from then on; one edited before its
 * first day is `defined` again under its id, the newest definition standing. A removal without `removedFrom` (older
 * events) takes effect at `changedAt`.
 */
export interface OpeningRangesChangedV1 {
  practitionerId: string;
  structureId: string;
  siteId: string;
  openingRangeId: string;
  change: 'defined' | 'removed';
  changedAt: string;
  /** The days it repeats, as an iCalendar RRULE without times or dates: `FREQ=WEEKLY;BYDAY=MO,TH`, `FREQ=WEEKLY;INTERVAL=2;BYDAY=FR`. */
  recurrence?: string;
  /** Wall times of the site, HH:mm (24:00 allowed as an end). */
  startTime?: string;
  endTime?: string;
  /** The site's IANA zone, in which the dates and wall times are read. */
  timeZone?: string;
  /** First day it may occur (the rule's anchor) and last day, both local dates of the site; null: no end. */
  validFrom?: string;
  validUntil?: string | null;
  /** Share of each occurrence's slots held back for unscheduled care (SNP), 0 to 1. */
  snpShare?: number;
  /** The grid SNP slots are counted on; null when the range offers no motif yet (its SNP slots cannot be counted). */
  snpSlot?: OpeningRangeSnpSlotV1 | null;
  /** SNP slots of one occurrence on that grid, a day without a clock change inside the range; null without a grid. */
  snpSlotsPerOccurrence?: number | null;
  /** A removal: the first local day of the site (in `timeZone`) on which the range no longer occurs. */
  removedFrom?: string | null;
}

const DAY = '(MO|TU|WE|TH|FR|SA|SU)';
const NUMBERS = (digits: number) => `[-+]?[0-9]{1,${digits}}(,[-+]?[0-9]{1,${digits}})*`;
/** The RRULE parts scheduling accepts (`normaliseRecurrence`), FREQ daily, weekly or monthly: nothing else expands. */
const RULE_PART = [
  'FREQ=(DAILY|WEEKLY|MONTHLY)',
  'INTERVAL=[1-9][0-9]{0,3}',
  'COUNT=[1-9][0-9]{0,3}',
  `BYDAY=[-+]?[0-9]{0,2}${DAY}(,[-+]?[0-9]{0,2}${DAY})*`,
  `BYMONTHDAY=${NUMBERS(2)}`,
  `BYMONTH=${NUMBERS(2)}`,
  `BYSETPOS=${NUMBERS(3)}`,
  `WKST=${DAY}`,
].join('|');
const RECURRENCE_PATTERN = `^(?=(.*;)?FREQ=)(${RULE_PART})(;(${RULE_PART}))*$`;

const wallTimeSchema = {
  type: 'string',
  pattern: '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$',
  nullable: true,
} as const;

export const openingRangesChangedV1 = defineEvent<OpeningRangesChangedV1>({
  type: 'scheduling.opening-ranges.changed.v1',
  topic: TOPICS.scheduling,
  description:
    "A practitioner's recurring opening ranges at a site changed (one range defined or removed); free slots may differ. Carries the range itself (recurrence, wall times, the site's zone, validity, SNP share and the grid its SNP slots are counted on) and, for a removal, the first local day without it (`removedFrom`: a range ended or edited from that day); older events carry the ids only.",
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
      // Optional fields are `nullable` as ajv types them (like appointment.cancelled's): null reads as absent.
      recurrence: { type: 'string', maxLength: 200, pattern: RECURRENCE_PATTERN, nullable: true },
      startTime: wallTimeSchema,
      endTime: wallTimeSchema,
      timeZone: { type: 'string', minLength: 1, maxLength: 64, nullable: true },
      validFrom: { type: 'string', format: 'date', nullable: true },
      validUntil: { type: 'string', format: 'date', nullable: true },
      snpShare: { type: 'number', minimum: 0, maximum: 1, nullable: true },
      snpSlot: {
        type: 'object',
        nullable: true,
        additionalProperties: false,
        required: ['motifId', 'durationMinutes', 'bufferAfterMinutes'],
        properties: {
          motifId: uuidSchema,
          durationMinutes: { type: 'integer', minimum: 1, maximum: 480 },
          bufferAfterMinutes: { type: 'integer', minimum: 0, maximum: 120 },
        },
      },
      snpSlotsPerOccurrence: { type: 'integer', minimum: 0, nullable: true },
      removedFrom: { type: 'string', format: 'date', nullable: true },
    },
  },
  example: {
    practitionerId: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a',
    structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
    siteId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    openingRangeId: '2a1b0c9d-8e7f-4a6b-9c5d-4e3f2a1b0c9d',
    change: 'defined',
    changedAt: '2026-11-23T09:00:00Z',
    recurrence: 'FREQ=WEEKLY;BYDAY=MO,TU,TH,FR',
    startTime: '08:30',
    endTime: '12:30',
    timeZone: 'Europe/Paris',
    validFrom: '2026-11-30',
    validUntil: null,
    snpShare: 0.2,
    snpSlot: { motifId: '5c4b3a29-1807-4f6e-9d5c-4b3a29180706', durationMinutes: 15, bufferAfterMinutes: 0 },
    snpSlotsPerOccurrence: 3,
  },
});

import { TOPICS } from '../../topics/topics';
import { defineEvent, instantSchema, uuidSchema } from '../event-definition';

export interface WaitlistOfferMadeV1 {
  offerId: string;
  waitlistEntryId: string;
  patientId: string;
  structureId: string;
  siteId: string;
  practitionerId: string;
  motifId: string;
  /** The hold that keeps the slot for the patient until the offer expires. */
  holdId: string;
  startsAt: string;
  endsAt: string;
  expiresAt: string;
}

export const waitlistOfferMadeV1 = defineEvent<WaitlistOfferMadeV1>({
  type: 'scheduling.waitlist.offer-made.v1',
  topic: TOPICS.scheduling,
  description:
    'A freed slot is offered to the first matching patient of the waitlist and held for them until the offer expires; unanswered, it goes to the next one.',
  aggregateId: (data) => data.waitlistEntryId,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [
      'offerId',
      'waitlistEntryId',
      'patientId',
      'structureId',
      'siteId',
      'practitionerId',
      'motifId',
      'holdId',
      'startsAt',
      'endsAt',
      'expiresAt',
    ],
    properties: {
      offerId: uuidSchema,
      waitlistEntryId: uuidSchema,
      patientId: uuidSchema,
      structureId: uuidSchema,
      siteId: uuidSchema,
      practitionerId: uuidSchema,
      motifId: uuidSchema,
      holdId: uuidSchema,
      startsAt: instantSchema,
      endsAt: instantSchema,
      expiresAt: instantSchema,
    },
  },
  example: {
    offerId: '4d5e6f70-8192-4a3b-8c4d-5e6f7a8b9c0d',
    waitlistEntryId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    patientId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a',
    structureId: '0f9e8d7c-6b5a-4c3d-8e1f-a2b3c4d5e6f7',
    siteId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    practitionerId: '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a',
    motifId: '5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c',
    holdId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
    startsAt: '2026-11-24T08:00:00Z',
    endsAt: '2026-11-24T08:20:00Z',
    expiresAt: '2026-11-23T12:00:00Z',
  },
});

import type { OpeningRangeFact, Unavailability } from '../../domain/opening-capacity';

/** What one `opening-ranges.changed` event says of a range: its ids always, the range itself in newer events. */
export interface OpeningRangeChange {
  openingRangeId: string;
  structureId: string;
  practitionerId: string;
  siteId: string;
  change: 'defined' | 'removed';
  /** The event's own instant: the latest definition wins. */
  at: Date;
  /**
   * A removal's effect: occurrences starting from this instant on are not counted (the earliest removal wins) — the
   * start of its `removedFrom` day in the site's zone, or the event's instant for older removals, which have no day.
   */
  removedAt: Date | null;
  definition: {
    timeZone: string;
    recurrence: string;
    startTime: string;
    endTime: string;
    validFrom: string;
    validUntil: string | null;
    snpShare: number;
    snpSlot: { durationMinutes: number; bufferAfterMinutes: number } | null;
  } | null;
}

/**
 * Scheduling's opening ranges and absences, upserted order-safely by their ids (a redelivered, replayed or late event
 * leaves the same rows), read back for the opening amplitude and the SNP capacity.
 */
export abstract class OpeningFactsRepository {
  abstract upsertRange(change: OpeningRangeChange): Promise<void>;
  abstract upsertAbsenceDeclared(
    absence: { absenceId: string; structureId: string; practitionerId: string; start: Date; end: Date },
    at: Date,
  ): Promise<void>;
  /** An absence ended earlier than declared: `end` is its new end. */
  abstract upsertAbsenceEnded(
    absence: { absenceId: string; structureId: string; practitionerId: string; end: Date },
    at: Date,
  ): Promise<void>;
  /** The structure's ranges whose definition is known and that may occur on the local dates `from`–`to`. */
  abstract ranges(structureId: string, from: string, to: string): Promise<OpeningRangeFact[]>;
  /** Those practitioners' absences (declared, with any earlier end) overlapping [start, end). */
  abstract absences(practitionerIds: readonly string[], start: Date, end: Date): Promise<Unavailability[]>;
}

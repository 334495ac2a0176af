import type { MeetingKind } from '../../domain/meeting';

export interface MeetingSeries {
  id: string;
  structureId: string;
  kind: MeetingKind;
  title: string;
  /** Normalised RRULE, dates only ("FREQ=MONTHLY;BYDAY=1TU"). */
  rrule: string;
  timeZone: string;
  /** Local wall-clock start, "12:30". */
  localStart: string;
  durationMinutes: number;
  siteId: string | null;
  videoLink: string | null;
  inviteeIds: string[];
  /** Local dates, "2026-12-01". */
  startsOn: string;
  endsOn: string | null;
  organizerId: string;
  createdAt: Date;
  endedAt: Date | null;
  /** Occurrences starting before this instant are written (or were, before someone moved them). */
  materialisedUntil: Date | null;
}

export type NewMeetingSeries = Omit<MeetingSeries, 'endedAt' | 'materialisedUntil'>;

export abstract class MeetingSeriesRepository {
  abstract insert(series: NewMeetingSeries): Promise<void>;
  abstract byId(seriesId: string): Promise<MeetingSeries | null>;
  /** The series, locked for the rest of the transaction. */
  abstract lock(seriesId: string): Promise<MeetingSeries | null>;
  /**
   * Up to `limit` running series written short of `until`, locked; those another transaction holds are skipped, so
   * replicas sweeping at once share the series instead of waiting on each other.
   */
  abstract lockShortOf(until: Date, limit: number): Promise<MeetingSeries[]>;
  abstract materialisedUntil(seriesId: string, until: Date): Promise<void>;
  abstract end(seriesId: string, at: Date): Promise<void>;
  /** Ids of the series' meetings, by start. */
  abstract occurrenceIds(seriesId: string): Promise<string[]>;
  /** Ids of the series' scheduled meetings starting after `after`, by start. */
  abstract scheduledAfter(seriesId: string, after: Date): Promise<string[]>;
}

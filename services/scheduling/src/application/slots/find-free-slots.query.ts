import { Injectable } from '@nestjs/common';
import type { BookingChannel } from '../../domain/booking-channel';
import { isBookingChannel } from '../../domain/booking-channel';
import type { FreeSlot } from '../../domain/free-slot';
import { groupBy } from '../../domain/group-by';
import { addDays } from '../../domain/local-date';
import { assertOfferable } from '../../domain/motif';
import { SchedulingError } from '../../domain/scheduling-error';
import { assertSearchDates, byStartThenPractitioner, generateFreeSlots } from '../../domain/slot-generator';
import { AgendaRepository } from '../ports/agenda.repository';
import { MultiSiteOffer, TRAVEL_MARGIN_MS } from './multi-site-offer';
import { Clock } from '@msp/service-kit';
import { assertUuid, assertUuids } from '../input-checks';

export interface FreeSlotSearchInput {
  motifId: string;
  /** Local dates, both included, in each site's zone. */
  from: string;
  to: string;
  practitionerIds?: string[] | null;
  siteIds?: string[] | null;
  profession?: string | null;
  /** Whose view: staff see SNP slots before their release. */
  audience?: BookingChannel | null;
  limit?: number | null;
}

const DEFAULT_LIMIT = 500;
const MAX_LIMIT = 2000;

const SEARCH_CHUNK_DAYS = 3;

const minDate = (...dates: string[]): string => dates.reduce((a, b) => (a < b ? a : b));

/** Free slots of a motif across practitioners and sites of its structure; `authorize` sees the structure first. */
@Injectable()
export class FindFreeSlotsQuery {
  constructor(
    private readonly agenda: AgendaRepository,
    private readonly clock: Clock,
    private readonly multiSite: MultiSiteOffer,
  ) {}

  async execute(input: FreeSlotSearchInput, authorize: (structureId: string) => void): Promise<FreeSlot[]> {
    const motifId = assertUuid(input.motifId, 'input.motifId');
    const practitionerIds = assertUuids(input.practitionerIds ?? [], 'input.practitionerIds');
    const siteIds = assertUuids(input.siteIds ?? [], 'input.siteIds');
    const { from, to } = input;
    assertSearchDates(from, to, 'input');
    const audience = input.audience ?? 'staff';
    if (!isBookingChannel(audience))
      throw SchedulingError.invalid('input.audience', 'must be staff, online or virtual_secretary');
    const limit = input.limit ?? DEFAULT_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
      throw SchedulingError.invalid('input.limit', `must be from 1 to ${MAX_LIMIT}`);
    const motif = await this.agenda.motif(motifId);
    if (!motif) throw SchedulingError.notFound('Motif', 'input.motifId');
    authorize(motif.structureId);
    assertOfferable(motif, 'input.motifId');
    const ranges = await this.agenda.ranges({
      structureId: motif.structureId,
      motifId,
      practitionerIds,
      siteIds,
      profession: input.profession,
      from,
      to,
    });
    const bySite = groupBy(ranges, (range) => range.siteId);
    const sites = await this.agenda.sites([...bySite.keys()]);
    const practitioners = [...new Set(ranges.map((r) => r.practitionerId))];
    // Local dates in any zone on Earth fall within a day either side of the same UTC dates.
    const start = new Date(`${addDays(from, -1)}T00:00:00Z`);
    const end = new Date(`${addDays(to, 2)}T00:00:00Z`);
    const now = this.clock.now();
    // SCH-11: busy time read as far as the longest travel reaches, appointments elsewhere widened by the travel, and
    // a motif that needs a room offered only where a suitable room is free.
    const [exceptions, busy, multiSite] = await Promise.all([
      this.agenda.exceptions(practitioners, start, end),
      this.agenda.busy(
        practitioners,
        new Date(start.getTime() - TRAVEL_MARGIN_MS),
        new Date(end.getTime() + TRAVEL_MARGIN_MS),
        now,
      ),
      this.multiSite.load([...bySite.keys()], [motif.id], { start, end }, now),
    ]);
    const exceptionsOf = groupBy(exceptions, (interval) => interval.practitionerId);
    const busyOf = groupBy(busy, (interval) => interval.practitionerId);
    const searches = sites.map((site) => {
      const siteRanges = bySite.get(site.siteId) ?? [];
      const here = [...new Set(siteRanges.map((range) => range.practitionerId))];
      return {
        timeZone: site.timeZone,
        ranges: siteRanges,
        exceptions: here.flatMap((id) => exceptionsOf.get(id) ?? []),
        busy: multiSite.busyAt(
          here.flatMap((id) => busyOf.get(id) ?? []),
          site.siteId,
        ),
        rooms: multiSite.roomsFor(motif.id, site.siteId),
        motif,
        now,
        audience,
      };
    });
    // A few days at a time, and no further than two days past the chunk that reached the limit: the earliest slots are
    // the ones answered, and a local date two days later starts after the whole of that day in any zone (zones are at
    // most 26 h apart). A structure of 500 practitioners thus computes a few days of slots, not the whole window; chunks
    // rather than single days, because each call expands every range's recurrence once.
    const slots: FreeSlot[] = [];
    let until: string | undefined;
    for (let first = from; first <= to && (!until || first <= until);) {
      const last = minDate(addDays(first, (until ? 2 : SEARCH_CHUNK_DAYS) - 1), until ?? to, to);
      for (const search of searches) slots.push(...generateFreeSlots({ ...search, from: first, to: last }));
      if (!until && slots.length >= limit) until = addDays(last, 2);
      first = addDays(last, 1);
    }
    return slots.sort(byStartThenPractitioner).slice(0, limit);
  }
}

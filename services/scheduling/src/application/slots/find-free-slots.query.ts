import { Injectable } from '@nestjs/common';
import type { BookingChannel } from '../../domain/booking-channel';
import { isBookingChannel } from '../../domain/booking-channel';
import type { FreeSlot } from '../../domain/free-slot';
import { addDays } from '../../domain/local-date';
import type { OpeningRange } from '../../domain/opening-range';
import { SchedulingError } from '../../domain/scheduling-error';
import { assertSearchDates, generateFreeSlots } from '../../domain/slot-generator';
import { AgendaRepository } from '../ports/agenda.repository';
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

/** Free slots of a motif across practitioners and sites of its structure; `authorize` sees the structure first. */
@Injectable()
export class FindFreeSlotsQuery {
  constructor(
    private readonly agenda: AgendaRepository,
    private readonly clock: Clock,
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
    const ranges = await this.agenda.ranges({
      structureId: motif.structureId,
      motifId,
      practitionerIds,
      siteIds,
      profession: input.profession,
      from,
      to,
    });
    const bySite = new Map<string, OpeningRange[]>();
    for (const range of ranges) bySite.set(range.siteId, [...(bySite.get(range.siteId) ?? []), range]);
    const sites = await this.agenda.sites([...bySite.keys()]);
    const practitioners = [...new Set(ranges.map((r) => r.practitionerId))];
    // Local dates in any zone on Earth fall within a day either side of the same UTC dates.
    const start = new Date(`${addDays(from, -1)}T00:00:00Z`);
    const end = new Date(`${addDays(to, 2)}T00:00:00Z`);
    const now = this.clock.now();
    const [exceptions, busy] = await Promise.all([
      this.agenda.exceptions(practitioners, start, end),
      this.agenda.busy(practitioners, start, end, now),
    ]);
    const slots = sites.flatMap((site) =>
      generateFreeSlots({
        timeZone: site.timeZone,
        ranges: bySite.get(site.siteId) ?? [],
        exceptions,
        busy,
        motif,
        from,
        to,
        now,
        audience,
      }),
    );
    return slots
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.practitionerId.localeCompare(b.practitionerId))
      .slice(0, limit);
  }
}

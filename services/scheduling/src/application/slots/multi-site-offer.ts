import { Injectable } from '@nestjs/common';
import { groupBy } from '../../domain/group-by';
import type { Interval } from '../../domain/interval';
import { roomSuits, type RoomRequirement } from '../../domain/room';
import { MAX_TRAVEL_MINUTES, paddedForTravel, travelMinutesOf, type SitedInterval } from '../../domain/site-travel';
import { RoomRepository } from '../ports/room.repository';
import { SiteTravelRepository } from '../ports/site-travel.repository';

/** How far beyond a search window busy time is read: an appointment elsewhere within the longest travel still counts. */
export const TRAVEL_MARGIN_MS = MAX_TRAVEL_MINUTES * 60_000;

/** What a slot search at some sites needs of SCH-11 (ADR 0018), read once per search. */
export interface MultiSiteView {
  /** Busy time as seen from a site: appointments at other sites widened by the travel between the two. */
  busyAt<T extends SitedInterval>(busy: readonly T[], siteId: string): T[];
  /** For a motif that needs a room, the busy time of each suitable room of the site; undefined when it needs none. */
  roomsFor(motifId: string, siteId: string): Interval[][] | undefined;
}

/** Travel between sites and rooms, for the slot searches (staff, online, virtual secretary, the SNP pool). */
@Injectable()
export class MultiSiteOffer {
  constructor(
    private readonly travel: SiteTravelRepository,
    private readonly rooms: RoomRepository,
  ) {}

  async load(
    siteIds: readonly string[],
    motifIds: readonly string[],
    window: Interval,
    now: Date,
  ): Promise<MultiSiteView> {
    const [pairs, requirements] = await Promise.all([
      this.travel.involving(siteIds),
      Promise.all(motifIds.map((id) => this.rooms.requirement(id))),
    ]);
    const travel = travelMinutesOf(pairs);
    const needs = requirements.filter((r): r is RoomRequirement => r !== null);
    const suitable = needs.length ? await this.rooms.ofSites(siteIds, false) : [];
    const busyOf = groupBy(
      await this.rooms.busy(
        suitable.map((room) => room.id),
        window.start,
        window.end,
        now,
      ),
      (interval) => interval.roomId,
    );
    const requirementOf = new Map(needs.map((r) => [r.motifId, r]));
    return {
      busyAt: (busy, siteId) => paddedForTravel(busy, siteId, travel),
      roomsFor: (motifId, siteId) => {
        const requirement = requirementOf.get(motifId);
        if (!requirement) return undefined;
        return suitable
          .filter((room) => room.siteId === siteId && roomSuits(room, requirement))
          .map((room) => busyOf.get(room.id) ?? []);
      },
    };
  }
}

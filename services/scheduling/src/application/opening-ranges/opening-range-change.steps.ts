import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { OutboxWriter } from '@msp/messaging';
import type { Motif } from '../../domain/motif';
import type { OpeningRange } from '../../domain/opening-range';
import { SchedulingError } from '../../domain/scheduling-error';
import { AgendaRepository, type SiteRef } from '../ports/agenda.repository';
import type { AppointmentOutsideRanges } from '../ports/opening-range-changes.repository';
import { OpeningRangeChangesRepository } from '../ports/opening-range-changes.repository';
import { assertUuid } from '../input-checks';
import { assertMayManage, PERMISSIONS } from '../permissions';
import { openingRangeChanged } from './opening-range-changed';

/** What ending or editing a range answers: the range as it stays, its continuation, the appointments now outside. */
export interface OpeningRangeChangeResult {
  /** The range as it now stands (ended the day before the change, or edited in place); null: withdrawn. */
  range: OpeningRange | null;
  /** The new range continuing it from the change's first day (an edit of a range that had begun). */
  replacement: OpeningRange | null;
  /** Booked and confirmed appointments no range holds any more, to keep, move or cancel. */
  outsideAppointments: AppointmentOutsideRanges[];
}

export interface RangeChangeRequest {
  openingRangeId: string;
  /** The version the client read: an edit made meanwhile refuses this one. */
  version: number;
  /** First local day (site) the change applies to, YYYY-MM-DD. */
  from: string;
}

export interface LockedRange {
  range: OpeningRange;
  site: SiteRef;
}

/** The steps ending and editing a range share, inside their transaction. */
@Injectable()
export class OpeningRangeChangeSteps {
  constructor(
    private readonly agenda: AgendaRepository,
    private readonly changes: OpeningRangeChangesRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Checks the request's ids, then locks the range and checks who asks and the version (in that order). */
  async lock(user: UserContext, request: RangeChangeRequest): Promise<LockedRange> {
    const id = assertUuid(request.openingRangeId, 'input.openingRangeId');
    if (!Number.isInteger(request.version) || request.version < 1)
      throw SchedulingError.invalid('input.version', 'must be the version of the range as read, 1 or more');
    const range = await this.changes.lockRange(id);
    const unseen = SchedulingError.notFound('Opening range', 'input.openingRangeId');
    if (!range) throw unseen;
    assertMayManage(user, range.structureId, PERMISSIONS.manageOpeningRanges, range.practitionerId, unseen);
    if (range.version !== request.version) throw SchedulingError.staleVersion('opening range', range.version ?? 1);
    const site = await this.agenda.site(range.siteId);
    if (!site) throw unseen;
    // Bookings of this practitioner wait until the change commits, and then see it; the listing misses none of them.
    await this.agenda.lockPractitionerAgenda(range.practitionerId);
    return { range, site };
  }

  /** Checks that each motif listed is one of the structure's, not archived. */
  async assertMotifs(structureId: string, motifIds: readonly string[]): Promise<void> {
    const listed = new Map((await this.agenda.motifsOf(structureId, motifIds)).map((m) => [m.id, m]));
    motifIds.forEach((id, index) => {
      const motif = listed.get(id);
      if (!motif) throw SchedulingError.invalid(`input.motifIds[${index}]`, 'no such motif in this structure');
      if (motif.archivedAt) throw SchedulingError.invalid(`input.motifIds[${index}]`, 'this motif is archived');
    });
  }

  async recordDefined(range: OpeningRange, site: SiteRef, at: Date): Promise<void> {
    await this.outbox.record(
      'scheduling.opening-ranges.changed.v1',
      openingRangeChanged(range, 'defined', site.timeZone, await this.offered(range), at),
    );
  }

  /** `range` as it stays (its last day the day before `from`), or as it was when withdrawn. */
  async recordRemoved(range: OpeningRange, site: SiteRef, from: string, at: Date): Promise<void> {
    await this.outbox.record(
      'scheduling.opening-ranges.changed.v1',
      openingRangeChanged(range, 'removed', site.timeZone, await this.offered(range), at, from),
    );
  }

  /** As when defined: the motifs the range lists, or all of the structure's, for the grid its SNP slots count on. */
  private async offered(range: OpeningRange): Promise<Motif[]> {
    return range.motifIds.length
      ? this.agenda.motifsOf(range.structureId, range.motifIds)
      : this.agenda.motifsOfStructure(range.structureId);
  }
}

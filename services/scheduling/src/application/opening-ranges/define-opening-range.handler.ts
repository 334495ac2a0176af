import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { createOpeningRange, type OpeningRange, type OpeningRangeDraft } from '../../domain/opening-range';
import { SchedulingError } from '../../domain/scheduling-error';
import { AgendaRepository } from '../ports/agenda.repository';
import { Clock } from '@msp/service-kit';
import { assertUuid, assertUuids } from '../input-checks';
import { manageableSite } from '../manageable-site';
import { PERMISSIONS } from '../permissions';
import { CrossSiteRangeCheck } from './cross-site-range.check';
import { openingRangeChanged } from './opening-range-changed';

export type DefineOpeningRangeInput = Omit<OpeningRangeDraft, 'id' | 'structureId'>;

/** Adds a recurring opening range to a practitioner's agenda at one of their sites. */
@Injectable()
export class DefineOpeningRangeHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly agenda: AgendaRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly crossSite: CrossSiteRangeCheck,
  ) {}

  async execute(user: UserContext, input: DefineOpeningRangeInput): Promise<OpeningRange> {
    const practitionerId = assertUuid(input.practitionerId, 'input.practitionerId');
    const siteId = assertUuid(input.siteId, 'input.siteId');
    const motifIds = assertUuids(input.motifIds ?? [], 'input.motifIds');
    const site = await manageableSite(
      this.agenda,
      user,
      siteId,
      'input.siteId',
      PERMISSIONS.manageOpeningRanges,
      practitionerId,
    );
    const range = createOpeningRange({
      ...input,
      id: randomUUID(),
      structureId: site.structureId,
      practitionerId,
      siteId,
      motifIds,
    });
    const member = await this.agenda.teamMember(practitionerId, site.structureId);
    if (!member) throw SchedulingError.notFound('Practitioner', 'input.practitionerId');
    if (!member.siteIds.includes(siteId))
      throw SchedulingError.invalid('input.siteId', 'the practitioner does not work at this site');
    const listed = await this.agenda.motifsOf(site.structureId, motifIds);
    const known = new Set(listed.map((m) => m.id));
    const unknown = motifIds.findIndex((id) => !known.has(id));
    if (unknown >= 0) throw SchedulingError.invalid(`input.motifIds[${unknown}]`, 'no such motif in this structure');
    const archived = motifIds.findIndex((id) => listed.some((m) => m.id === id && m.archivedAt));
    if (archived >= 0) throw SchedulingError.invalid(`input.motifIds[${archived}]`, 'this motif is archived');
    // The motifs the range may offer: the grid its SNP slots are counted on is the finest of them (the event says it).
    const offered = motifIds.length ? listed : await this.agenda.motifsOfStructure(site.structureId);
    return this.transactions.run(async () => {
      await this.crossSite.assertNoOverlap(range, site.timeZone);
      await this.agenda.insertOpeningRange(range);
      await this.outbox.record(
        'scheduling.opening-ranges.changed.v1',
        openingRangeChanged(range, 'defined', site.timeZone, offered, this.clock.now()),
      );
      return range;
    });
  }
}

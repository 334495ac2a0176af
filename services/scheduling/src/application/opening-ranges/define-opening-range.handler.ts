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
import { assertMayManage, PERMISSIONS } from '../permissions';

export type DefineOpeningRangeInput = Omit<OpeningRangeDraft, 'id' | 'structureId'>;

/** Adds a recurring opening range to a practitioner's agenda at one of their sites. */
@Injectable()
export class DefineOpeningRangeHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly agenda: AgendaRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, input: DefineOpeningRangeInput): Promise<OpeningRange> {
    const practitionerId = assertUuid(input.practitionerId, 'input.practitionerId');
    const siteId = assertUuid(input.siteId, 'input.siteId');
    const motifIds = assertUuids(input.motifIds ?? [], 'input.motifIds');
    const site = await this.agenda.site(siteId);
    if (!site) throw SchedulingError.notFound('Site', 'input.siteId');
    assertMayManage(
      user,
      site.structureId,
      PERMISSIONS.manageOpeningRanges,
      practitionerId,
      SchedulingError.notFound('Site', 'input.siteId'),
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
    const known = new Set((await this.agenda.motifsOf(site.structureId, motifIds)).map((m) => m.id));
    const unknown = motifIds.findIndex((id) => !known.has(id));
    if (unknown >= 0) throw SchedulingError.invalid(`input.motifIds[${unknown}]`, 'no such motif in this structure');
    return this.transactions.run(async () => {
      await this.agenda.insertOpeningRange(range);
      await this.outbox.record('scheduling.opening-ranges.changed.v1', {
        practitionerId,
        structureId: site.structureId,
        siteId,
        openingRangeId: range.id,
        change: 'defined',
        changedAt: this.clock.now().toISOString(),
      });
      return range;
    });
  }
}

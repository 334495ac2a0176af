import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { localDateOf } from '../../domain/local-date';
import { planRangeEdit, type OpeningRangeEdits } from '../../domain/opening-range-change';
import { AgendaRepository } from '../ports/agenda.repository';
import { OpeningRangeChangesRepository } from '../ports/opening-range-changes.repository';
import { assertUuids } from '../input-checks';
import {
  OpeningRangeChangeSteps,
  type OpeningRangeChangeResult,
  type RangeChangeRequest,
} from './opening-range-change.steps';
import { CrossSiteRangeCheck } from './cross-site-range.check';
import { OutsideAppointmentsLister } from './outside-appointments.lister';

export type EditOpeningRangeInput = RangeChangeRequest & OpeningRangeEdits;

/**
 * Changes a range's days, hours, motifs or SNP share from a day on. A range that has begun keeps its past: it ends the
 * day before and a new range (`replaces` it) carries the new definition to its old last day; one not begun yet is
 * rewritten. Answers the booked appointments the new definition leaves outside every range, for staff to decide.
 */
@Injectable()
export class EditOpeningRangeHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly steps: OpeningRangeChangeSteps,
    private readonly agenda: AgendaRepository,
    private readonly changes: OpeningRangeChangesRepository,
    private readonly lister: OutsideAppointmentsLister,
    private readonly crossSite: CrossSiteRangeCheck,
    private readonly clock: Clock,
  ) {}

  execute(user: UserContext, input: EditOpeningRangeInput): Promise<OpeningRangeChangeResult> {
    const motifIds = input.motifIds ? assertUuids(input.motifIds, 'input.motifIds') : null;
    return this.transactions.run(async () => {
      const { range, site } = await this.steps.lock(user, input);
      if (motifIds) await this.steps.assertMotifs(range.structureId, motifIds);
      const now = this.clock.now();
      const edits: OpeningRangeEdits = {
        recurrence: input.recurrence,
        weekdays: input.weekdays,
        startTime: input.startTime,
        endTime: input.endTime,
        motifIds,
        snpShare: input.snpShare,
        snpRelease: input.snpRelease,
      };
      const plan = planRangeEdit(range, edits, input.from, localDateOf(now, site.timeZone), randomUUID());
      const { ended, next } = plan;
      // The new hours may now clash with the practitioner's range at another site (SCH-11, ADR 0018).
      await this.crossSite.assertNoOverlap(next, site.timeZone);
      if (ended) {
        await this.changes.updateRange(ended);
        await this.agenda.insertOpeningRange(next);
        await this.steps.recordRemoved(ended, site, plan.from, now);
      } else {
        await this.changes.updateRange(next);
      }
      await this.steps.recordDefined(next, site, now);
      const outsideAppointments = await this.lister.list(range, site, plan.from, range.validUntil, now);
      const version = (range.version ?? 1) + 1;
      return ended
        ? { range: { ...ended, version }, replacement: { ...next, version: 1 }, outsideAppointments }
        : { range: { ...next, version }, replacement: null, outsideAppointments };
    });
  }
}

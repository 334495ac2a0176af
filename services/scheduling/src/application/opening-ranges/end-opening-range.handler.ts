import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { localDateOf } from '../../domain/local-date';
import { planRangeEnd } from '../../domain/opening-range-change';
import { OpeningRangeChangesRepository } from '../ports/opening-range-changes.repository';
import {
  OpeningRangeChangeSteps,
  type OpeningRangeChangeResult,
  type RangeChangeRequest,
} from './opening-range-change.steps';
import { OutsideAppointmentsLister } from './outside-appointments.lister';

/**
 * Ends a range from a day on (its last day becomes the day before; ended before its first day, it is withdrawn), and
 * answers the booked appointments now outside every range: they stay booked until staff keep, move or cancel each.
 */
@Injectable()
export class EndOpeningRangeHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly steps: OpeningRangeChangeSteps,
    private readonly changes: OpeningRangeChangesRepository,
    private readonly lister: OutsideAppointmentsLister,
    private readonly clock: Clock,
  ) {}

  execute(user: UserContext, input: RangeChangeRequest): Promise<OpeningRangeChangeResult> {
    return this.transactions.run(async () => {
      const { range, site } = await this.steps.lock(user, input);
      const now = this.clock.now();
      const plan = planRangeEnd(range, input.from, localDateOf(now, site.timeZone));
      if (plan.ended) await this.changes.updateRange(plan.ended);
      else await this.changes.deleteRange(range.id);
      await this.steps.recordRemoved(plan.ended ?? range, site, plan.from, now);
      const outsideAppointments = await this.lister.list(range, site, plan.from, range.validUntil, now);
      const ended = plan.ended ? { ...plan.ended, version: (range.version ?? 1) + 1 } : null;
      return { range: ended, replacement: null, outsideAppointments };
    });
  }
}

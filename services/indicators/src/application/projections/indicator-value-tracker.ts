import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { monthOf, parsePeriod } from '../../domain/period';
import { OperationalIndicators } from '../dashboard/operational-indicators';
import { IndicatorAnnouncer } from '../announcements/indicator-announcer';
import { StructureIndicators } from '../inputs/structure-indicators';
import { RecomputeQueue, type PendingRecompute } from '../ports/recompute-queue';

/** Months recomputed per transaction: a burst of events is caught up in a few short transactions. */
const BATCH = 20;

/**
 * Keeps the announced values in step with the facts, in two steps. `changed` marks the month a kept fact belongs to,
 * in the fact's own inbox transaction; `recomputePending`
 * (the recompute job, every second or so) recomputes each marked month once, whatever number of facts touched it, and
 * announces each indicator whose value moved (and each objective it reached or lost) in the transaction that takes the
 * mark. A redelivered or replayed fact changes no value and publishes nothing; a crash between the two steps leaves
 * the mark for the next run.
 */
@Injectable()
export class IndicatorValueTracker {
  constructor(
    private readonly queue: RecomputeQueue,
    private readonly transactions: TransactionRunner,
    private readonly indicators: OperationalIndicators,
    private readonly announcer: IndicatorAnnouncer,
    private readonly structure: StructureIndicators,
    private readonly clock: Clock,
  ) {}

  /** Marks the month of `localDate` (YYYY-MM-DD) to recompute; in the active transaction. */
  changed(structureId: string, localDate: string): Promise<void> {
    return this.queue.mark(structureId, monthOf(localDate));
  }

  /** Recomputes and announces every marked month; how many months it recomputed. */
  async recomputePending(): Promise<number> {
    let total = 0;
    for (;;) {
      const done = await this.transactions.run(async () => {
        const pending = await this.queue.take(BATCH);
        for (const month of pending) await this.recompute(month);
        return pending.length;
      });
      total += done;
      if (done < BATCH) return total;
    }
  }

  /**
   * The structure's figures and those of every practitioner the month's facts and ranges name: whatever order the
   * facts came in, the month is compared as a whole, so a replay finds every value already announced.
   */
  private async recompute({ structureId, month }: PendingRecompute): Promise<void> {
    const period = parsePeriod(month, 'period');
    const activity = await this.indicators.activity(structureId, period);
    const practitioners = await this.indicators.practitionerCount(structureId, activity);
    const now = this.clock.now();
    const named = activity.map((a) => a.practitionerId).filter((id): id is string => id !== null);
    for (const practitionerId of [null, ...new Set(named)]) {
      const figures = this.indicators.figuresOf(activity, period, practitionerId, practitionerId ? 1 : practitioners);
      // Objectives the structure set count: "objective reached" is theirs as much as the catalogue's.
      const scored = await this.structure.withSettings(structureId, practitionerId, figures.scores);
      await this.announcer.announce(structureId, practitionerId, period.code, scored, now);
    }
  }
}

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { PeriodicTask } from '@msp/service-kit';
import { IndicatorValueTracker } from '../projections/indicator-value-tracker';

export const RECOMPUTE_SETTINGS = Symbol('INDICATORS_RECOMPUTE_SETTINGS');
export interface RecomputeSettings {
  intervalMs: number;
}

/**
 * Indicators' timer (INDICATORS_RECOMPUTE_INTERVAL_MS): recomputes the months the facts marked and announces what
 * moved. Safe on several replicas at once (each takes marks the others do not hold).
 */
@Injectable()
export class IndicatorRecomputeJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(IndicatorRecomputeJob.name);
  private readonly task = new PeriodicTask(() => this.tracker.recomputePending(), {
    onDone: (months) => {
      if (months) this.logger.debug({ msg: 'indicators recomputed', months });
    },
    onFailure: (error) =>
      this.logger.warn(`Indicator recompute failed (marks kept for the next run): ${error.message}`),
  });

  constructor(
    private readonly tracker: IndicatorValueTracker,
    @Inject(RECOMPUTE_SETTINGS) private readonly settings: RecomputeSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.settings.intervalMs);
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }
}

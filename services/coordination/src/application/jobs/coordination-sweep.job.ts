import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Clock, PeriodicTask } from '@msp/service-kit';
import { NotificationDispatcher } from '../notifications/notification-dispatcher';
import { SeriesSweep } from '../series/series-sweep';

export const SWEEP_SETTINGS = Symbol('COORDINATION_SWEEP_SETTINGS');
export interface SweepSettings {
  intervalMs: number;
}

export interface SweepSummary {
  /** Meetings of recurring series written as the horizon moved on. */
  occurrences: number;
  notificationsDelivered: number;
}

/**
 * Coordination's timer (COORDINATION_SWEEP_INTERVAL_MS): series extended first, so that what they write is told in
 * the same sweep, then due notifications delivered. Both are safe on several replicas at once.
 */
@Injectable()
export class CoordinationSweepJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CoordinationSweepJob.name);
  private readonly task = new PeriodicTask(() => this.sweep(), {
    onDone: ({ occurrences, notificationsDelivered }) => {
      if (occurrences || notificationsDelivered)
        this.logger.log({ msg: 'coordination sweep', occurrences, notificationsDelivered });
    },
    onFailure: (error) => this.logger.warn(`Coordination sweep failed: ${error.message}`),
  });

  constructor(
    private readonly series: SeriesSweep,
    private readonly dispatcher: NotificationDispatcher,
    private readonly clock: Clock,
    @Inject(SWEEP_SETTINGS) private readonly settings: SweepSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.settings.intervalMs);
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }

  async sweep(): Promise<SweepSummary> {
    const occurrences = await this.series.extendAll(this.clock.now());
    const notificationsDelivered = await this.dispatcher.deliverDue(this.clock.now());
    return { occurrences, notificationsDelivered };
  }
}

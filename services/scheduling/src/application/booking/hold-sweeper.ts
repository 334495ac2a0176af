import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { TransactionRunner } from '@msp/persistence';
import { AppointmentRepository } from '../ports/appointment.repository';
import { Clock, PeriodicTask } from '@msp/service-kit';
import { SCHEDULING_SETTINGS, type SchedulingSettings } from '../scheduling-settings';
import { SlotReservation } from './slot-reservation';

const BATCH = 200;

/**
 * Lapses expired holds in the background so that agendas and events show them gone even when no booking needs their
 * time (a booking clears the ones in its way itself). Replicas share the work: rows are taken with SKIP LOCKED.
 */
@Injectable()
export class HoldSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(HoldSweeper.name);
  private readonly task = new PeriodicTask(() => this.sweep(), {
    onDone: (lapsed) => {
      if (lapsed) this.logger.log(`${lapsed} hold(s) lapsed`);
    },
    onFailure: (error) => this.logger.warn(`Hold sweep failed: ${error.message}`),
  });

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly appointments: AppointmentRepository,
    private readonly reservation: SlotReservation,
    private readonly clock: Clock,
    @Inject(SCHEDULING_SETTINGS) private readonly settings: SchedulingSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.settings.holdSweepSeconds * 1000);
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }

  /** Lapses every expired hold now; returns how many. */
  async sweep(): Promise<number> {
    let total = 0;
    for (;;) {
      const now = this.clock.now();
      const lapsed = await this.transactions.run(async () => {
        const batch = await this.appointments.lapseExpiredHolds(now, BATCH);
        await this.reservation.recordLapsed(batch, now);
        return batch.length;
      });
      total += lapsed;
      if (lapsed < BATCH) return total;
    }
  }
}

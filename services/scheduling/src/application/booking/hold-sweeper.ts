import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { TransactionRunner } from '@msp/persistence';
import { AppointmentRepository } from '../ports/appointment.repository';
import { Clock } from '@msp/service-kit';
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
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly appointments: AppointmentRepository,
    private readonly reservation: SlotReservation,
    private readonly clock: Clock,
    @Inject(SCHEDULING_SETTINGS) private readonly settings: SchedulingSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.settings.holdSweepSeconds * 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
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

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.sweep();
    try {
      const lapsed = await this.running;
      if (lapsed) this.logger.log(`${lapsed} hold(s) lapsed`);
    } catch (error) {
      this.logger.warn(`Hold sweep failed: ${(error as Error).message}`);
    } finally {
      this.running = undefined;
    }
  }
}

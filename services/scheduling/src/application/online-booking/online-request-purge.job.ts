import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { TransactionRunner } from '@msp/persistence';
import { Clock, PeriodicTask } from '@msp/service-kit';
import { PATIENT_SERVICES_SETTINGS, type PatientServicesSettings } from '../patient-services-settings';
import { OnlineBookingRequestRepository } from '../ports/online-booking-request.repository';
import { PublicRateLimitCounters } from '../ports/public-rate-limit.port';
import { TypedIdentityDiscarder } from './typed-identity.discarder';

const BATCH = 100;
const DAY_MS = 86_400_000;
/** Often enough for a retention counted in days; any replica may run it (each step is idempotent). */
export const PURGE_INTERVAL_MS = 3_600_000;

export interface PurgeSummary {
  purged: number;
  /** Kept for the next run: the directory could not be reached to forget the typed identity. */
  kept: number;
}

/**
 * Online booking retention: requests never confirmed (turned down, or left until their hold lapsed) are removed
 * `onlineBookingRetentionDays` after they were made, and the identity typed for them is deleted from the directory
 * first — unmatched identities included. Confirmed requests stay (ids only: the appointment's origin). Also drops the
 * public rate limit's ended windows.
 */
@Injectable()
export class OnlineRequestPurgeJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OnlineRequestPurgeJob.name);
  private readonly task = new PeriodicTask(() => this.purge(), {
    onDone: ({ purged, kept }) => {
      if (purged || kept) this.logger.log({ msg: 'online booking requests purged', purged, kept });
    },
    onFailure: (error) => this.logger.warn(`Online booking purge failed: ${error.message}`),
  });

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly requests: OnlineBookingRequestRepository,
    private readonly discarder: TypedIdentityDiscarder,
    private readonly counters: PublicRateLimitCounters,
    private readonly clock: Clock,
    @Inject(PATIENT_SERVICES_SETTINGS) private readonly settings: PatientServicesSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(PURGE_INTERVAL_MS);
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }

  async purge(): Promise<PurgeSummary> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - this.settings.onlineBookingRetentionDays * DAY_MS);
    const summary: PurgeSummary = { purged: 0, kept: 0 };
    const seen = new Set<string>();
    for (;;) {
      const batch = (await this.requests.purgeable(cutoff, now, BATCH)).filter((r) => !seen.has(r.id));
      for (const request of batch) {
        seen.add(request.id);
        if (!(await this.discarder.discard(request.registrationRequestId))) {
          summary.kept++;
          continue;
        }
        await this.transactions.run(() => this.requests.delete(request.id));
        summary.purged++;
      }
      if (batch.length === 0) break;
    }
    await this.counters.dropEnded(now);
    return summary;
  }
}

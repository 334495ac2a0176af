import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { addDays, localDateOf } from '../../domain/local-date';
import { dueSnpReleases, type SnpRangeAtSite } from '../../domain/snp-release-schedule';
import { AgendaRepository } from '../ports/agenda.repository';
import { SnpRepository } from '../ports/snp.repository';
import { Clock, PeriodicTask } from '@msp/service-kit';
import { PATIENT_SERVICES_SETTINGS, type PatientServicesSettings } from '../patient-services-settings';

/**
 * Announces SNP releases (SCH-4): every few seconds, the releases that have happened in each site's zone for days not
 * yet over are recorded once per practitioner, day and instant, with `scheduling.snp.released.v1` in the same
 * transaction. A replica that loses the race finds the row and publishes nothing; a stopped service catches up.
 */
@Injectable()
export class SnpReleaseJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SnpReleaseJob.name);
  private readonly task = new PeriodicTask(() => this.scan(), {
    onDone: (published) => {
      if (published) this.logger.log(`${published} SNP release(s) announced`);
    },
    onFailure: (error) => this.logger.warn(`SNP release scan failed: ${error.message}`),
  });

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly snp: SnpRepository,
    private readonly agenda: AgendaRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    @Inject(PATIENT_SERVICES_SETTINGS) private readonly settings: PatientServicesSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.settings.snpReleaseScanSeconds * 1000);
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }

  /** Publishes the releases due now and not yet announced; returns how many. */
  async scan(): Promise<number> {
    const now = this.clock.now();
    const ranges = await this.snp.snpRanges(addDays(localDateOf(now, 'UTC'), -2));
    const zones = new Map(
      (await this.agenda.sites([...new Set(ranges.map((r) => r.siteId))])).map((s) => [s.siteId, s.timeZone]),
    );
    const atSites: SnpRangeAtSite[] = ranges.flatMap((range) =>
      zones.has(range.siteId) ? [{ range, timeZone: zones.get(range.siteId) as string }] : [],
    );
    let published = 0;
    for (const due of dueSnpReleases(atSites, now)) {
      const recorded = await this.transactions.run(async () => {
        if (!(await this.snp.recordRelease(due))) return false;
        await this.outbox.record('scheduling.snp.released.v1', {
          practitionerId: due.practitionerId,
          structureId: due.structureId,
          date: due.date,
          releasedAt: due.releasedAt.toISOString(),
          siteIds: due.siteIds,
          openingRangeIds: due.openingRangeIds,
        });
        return true;
      });
      if (recorded) published++;
    }
    return published;
  }
}

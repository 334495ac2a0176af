import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { TransactionRunner } from '@msp/persistence';
import { DirectoryCopyRepository } from '../ports/directory-copy.repository';
import { PatientDirectory } from '../ports/patient-directory.port';
import { DirectoryProjection } from './directory-projection';

/**
 * Whether the copy held nothing when the service was created: decided before its Kafka consumer starts (Nest runs the
 * bootstrap hooks after it), since a directory event applied first would make an empty copy look filled.
 */
export const DIRECTORY_COPY_EMPTY_AT_BOOT = Symbol('DIRECTORY_COPY_EMPTY_AT_BOOT');

/**
 * Scheduling's copy of the directory is fed by events. When it is empty at boot — a first start, or a new Kafka in front
 * of an existing directory, whose earlier events are gone — it asks the directory once for the whole team. Upserts make
 * it harmless alongside the events; a directory that cannot answer just leaves the events to do the work.
 */
@Injectable()
export class DirectoryCopyRebuilder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DirectoryCopyRebuilder.name);

  constructor(
    private readonly copy: DirectoryCopyRepository,
    private readonly directory: PatientDirectory,
    private readonly projection: DirectoryProjection,
    private readonly transactions: TransactionRunner,
    @Inject(DIRECTORY_COPY_EMPTY_AT_BOOT) private readonly emptyAtBoot: boolean,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.emptyAtBoot) return;
    // Not awaited: the service must not wait on another one to start.
    void this.rebuild().catch((error: Error) =>
      this.logger.warn(`Directory copy not rebuilt (events will fill it): ${error.message}`),
    );
  }

  async rebuildIfEmpty(): Promise<number> {
    return (await this.copy.isEmpty()) ? this.rebuild() : 0;
  }

  /** The directory's whole team, upserted over whatever events brought meanwhile. */
  private async rebuild(): Promise<number> {
    const team = await this.directory.team();
    if (!team || !team.sites.length) return 0;
    await this.transactions.run(async () => {
      for (const site of team.sites) await this.projection.upsertSite(site);
      for (const member of team.members) await this.projection.upsertMember(member);
    });
    this.logger.log(
      `Directory copy rebuilt from the directory: ${team.sites.length} sites, ${team.members.length} memberships`,
    );
    return team.sites.length;
  }
}

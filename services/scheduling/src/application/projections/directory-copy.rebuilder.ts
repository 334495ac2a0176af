import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { TransactionRunner } from '@msp/persistence';
import { DirectoryCopyRepository } from '../ports/directory-copy.repository';
import { PatientDirectory } from '../ports/patient-directory.port';
import { DirectoryProjection } from './directory-projection';

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
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: the service must not wait on another one to start.
    void this.rebuildIfEmpty().catch((error: Error) =>
      this.logger.warn(`Directory copy not rebuilt (events will fill it): ${error.message}`),
    );
  }

  async rebuildIfEmpty(): Promise<number> {
    if (!(await this.copy.isEmpty())) return 0;
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

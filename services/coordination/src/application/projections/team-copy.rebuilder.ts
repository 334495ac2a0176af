import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { TeamDirectory } from '../ports/team-directory.port';
import { TeamRepository } from '../ports/team.repository';

/**
 * Whether the copy held nothing when the service was created: decided before its Kafka consumer starts (Nest runs the
 * bootstrap hooks after it), since a directory event applied first would make an empty copy look filled.
 */
export const TEAM_COPY_EMPTY_AT_BOOT = Symbol('TEAM_COPY_EMPTY_AT_BOOT');

/**
 * Coordination's copy of the team (professions, roles, sites) is fed by the directory's events. When it is empty at boot —
 * a first start, or a new Kafka in front of an existing directory — it asks the directory once for the whole team,
 * stamped with the time of the answer: later events still win, older replays do not undo it. A directory that cannot
 * answer leaves the events to do the work.
 */
@Injectable()
export class TeamCopyRebuilder implements OnApplicationBootstrap {
  private readonly logger = new Logger(TeamCopyRebuilder.name);

  constructor(
    private readonly team: TeamRepository,
    private readonly directory: TeamDirectory,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    @Inject(TEAM_COPY_EMPTY_AT_BOOT) private readonly emptyAtBoot: boolean,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.emptyAtBoot) return;
    // Not awaited: the service must not wait on another one to start.
    void this.rebuild().catch((error: Error) =>
      this.logger.warn(`Team copy not rebuilt (events will fill it): ${error.message}`),
    );
  }

  async rebuildIfEmpty(): Promise<number> {
    return (await this.team.isEmpty()) ? this.rebuild() : 0;
  }

  /** The directory's snapshot over whatever events brought meanwhile: rows stamped later than the answer keep theirs. */
  private async rebuild(): Promise<number> {
    const snapshot = await this.directory.snapshot();
    if (!snapshot.members.length) return 0;
    const at = this.clock.now();
    await this.transactions.run(async () => {
      for (const site of snapshot.sites) await this.team.upsertSite(site, at);
      for (const member of snapshot.members) await this.team.upsertMember({ ...member, leftAt: null }, at);
    });
    this.logger.log(`Team copy rebuilt from the directory: ${snapshot.members.length} memberships`);
    return snapshot.members.length;
  }
}

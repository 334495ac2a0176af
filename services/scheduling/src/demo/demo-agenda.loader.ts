import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { BackgroundWatch, Clock, demoMonth } from '@msp/service-kit';
import { CreateMotifHandler } from '../application/motifs/create-motif.handler';
import { DefineOpeningRangeHandler } from '../application/opening-ranges/define-opening-range.handler';
import { DemoMonthRepository } from '../infrastructure/repositories/demo-month.repository';
import {
  TeamSnapshotRepository,
  type ProjectedMember,
  type ProjectedSite,
  type ProjectionProgress,
} from '../infrastructure/repositories/team-snapshot.repository';
import { motifsFor } from './demo-motifs';
import { planWeek } from './demo-week.plan';

export const DEMO_AGENDA_OPTIONS = Symbol('DEMO_AGENDA_OPTIONS');

export interface DemoAgendaOptions {
  /** `SCHEDULING_DEMO_DATA=load`. */
  enabled: boolean;
  /** How often to look whether the directory's members have arrived, and how long before giving up. */
  pollMs: number;
  giveUpMs: number;
}

export interface DemoAgendaSummary {
  structures: number;
  sites: number;
  practitioners: number;
  motifs: number;
  ranges: number;
}

/**
 * Gives the demo structures agendas, in the background after boot, if scheduling held no motif at boot: each time the
 * directory's members and sites reaching the projection hold still between two looks, every structure with sites and
 * practitioners but no motif yet gets standard motifs and weekly opening ranges for each practitioner at their sites,
 * valid from the first day of the demo month, through the application handlers (every rule checked, every event
 * recorded), and its demo month to be played (`DemoMonthPlayer`), in one transaction under an advisory lock. It looks
 * for a few minutes after boot, then stops.
 */
@Injectable()
export class DemoAgendaLoader implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DemoAgendas');
  private readonly loop = new BackgroundWatch();

  constructor(
    @Inject(DEMO_AGENDA_OPTIONS) private readonly options: DemoAgendaOptions,
    private readonly transactions: TransactionRunner,
    private readonly team: TeamSnapshotRepository,
    private readonly createMotif: CreateMotifHandler,
    private readonly defineRange: DefineOpeningRangeHandler,
    private readonly clock: Clock,
    private readonly demoMonths: DemoMonthRepository,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.enabled)
      void this.loop.start(
        () => this.watch(),
        (error) => this.logger.error(`Demo agendas stopped: ${describe(error)}`),
      );
  }

  /** Whether it is still looking for structures to equip (the demo month player waits for it before stopping). */
  isWatching(): boolean {
    return this.loop.active;
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  private async watch(): Promise<void> {
    if (await this.team.anyMotif()) {
      this.logger.log('Demo agendas skipped: scheduling already holds motifs');
      return;
    }
    const started = Date.now();
    const deadline = started + this.options.giveUpMs;
    let previous: ProjectionProgress | undefined;
    let loadedAt: ProjectionProgress | undefined;
    while (this.loop.goesOn(deadline)) {
      const progress = await this.team.progress();
      const settled = progress.members > 0 && same(progress, previous) && !same(progress, loadedAt);
      if (settled) {
        loadedAt = progress;
        await this.loadAndLog(started);
      }
      previous = progress;
      await this.pause();
    }
    if (!loadedAt && !this.loop.stopping)
      this.logger.warn(
        `Demo agendas skipped: no directory members reached scheduling within ${Math.round(this.options.giveUpMs / 1000)} s`,
      );
  }

  private async loadAndLog(started: number): Promise<void> {
    try {
      const summary = await this.loadPending();
      if (!summary) return;
      const { structures, sites, practitioners, motifs, ranges } = summary;
      this.logger.log(
        `Demo agendas loaded ${Date.now() - started} ms after boot: ${structures} structures, ${sites} sites, ${practitioners} practitioners, ${motifs} motifs, ${ranges} opening ranges`,
      );
    } catch (error) {
      this.logger.error(`Demo agendas could not be loaded (nothing was written): ${describe(error)}`);
    }
  }

  private pause(): Promise<void> {
    return this.loop.pause(this.options.pollMs);
  }

  /** Gives agendas to every projected structure without a motif yet; null when there was none to give. */
  loadPending(): Promise<DemoAgendaSummary | null> {
    return this.transactions.run(async () => {
      await this.team.lockForDemoAgendas();
      // Read committed: this sees whatever a replica that held the lock before us committed.
      const equipped = new Set(await this.team.structuresWithMotifs());
      const sites = await this.team.sites();
      const members = await this.team.members();
      const summary: DemoAgendaSummary = { structures: 0, sites: 0, practitioners: 0, motifs: 0, ranges: 0 };
      for (const structureId of [...new Set(sites.map((s) => s.structureId))].filter((id) => !equipped.has(id))) {
        await this.loadStructure(
          structureId,
          sites.filter((s) => s.structureId === structureId),
          members.filter((m) => m.structureId === structureId),
          summary,
        );
      }
      return summary.structures ? summary : null;
    });
  }

  private async loadStructure(
    structureId: string,
    sites: ProjectedSite[],
    members: ProjectedMember[],
    summary: DemoAgendaSummary,
  ): Promise<void> {
    const siteIds = new Set(sites.map((s) => s.siteId));
    const practitioners = members
      .filter((m) => m.roles.includes('practitioner'))
      .map((m, index) => ({
        memberId: m.memberId,
        profession: m.profession,
        siteIds: m.siteIds.filter((id) => siteIds.has(id)),
        index,
      }));
    const plans = practitioners.flatMap(planWeek);
    if (!plans.length) return;
    const admin = members.find((m) => m.roles.includes('administrator'));
    const user: UserContext = {
      memberId: admin?.memberId ?? structureId,
      memberships: [{ structureId, roles: ['administrator'], siteIds: [] }],
    };
    const motifIds = new Map<string, string>();
    for (const motif of new Map(
      practitioners.flatMap((p) => motifsFor(p.profession)).map((m) => [m.key, m]),
    ).values()) {
      const { key: _key, professions: _professions, ...input } = motif;
      motifIds.set(motif.key, (await this.createMotif.execute(user, { ...input, structureId })).id);
      summary.motifs++;
    }
    // From the first day of the demo month (the calendar month before this first start), so that the month the
    // demo month player books into has agendas; it also fills this week's view from the start.
    const zone = sites[0].timeZone;
    const month = demoMonth(this.clock.now(), zone);
    const validFrom = month.days[0].date;
    for (const plan of plans) {
      const { motifKeys, ...range } = plan;
      await this.defineRange.execute(user, {
        ...range,
        validFrom,
        motifIds: motifKeys.map((key) => motifIds.get(key) as string),
      });
      summary.ranges++;
    }
    // The month is played once the structure's patients have reached scheduling (DemoMonthPlayer).
    await this.demoMonths.record(structureId, month.month, zone);
    summary.structures++;
    summary.sites += new Set(plans.map((p) => p.siteId)).size;
    summary.practitioners += new Set(plans.map((p) => p.practitionerId)).size;
  }
}

const same = (a: ProjectionProgress, b?: ProjectionProgress): boolean =>
  b !== undefined && a.members === b.members && a.sites === b.sites && a.missingSites === b.missingSites;

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { BackgroundWatch } from '@msp/service-kit';
import { ManageLinesHandler } from '../application/lines/manage-lines.handler';
import { AgendaPort } from '../application/ports/agenda.port';
import { CallerDirectory } from '../application/ports/caller-directory.port';
import { DirectoryCopyRepository, type SiteRef } from '../application/ports/directory-copy.repository';
import { LineRepository } from '../application/ports/line.repository';
import { SiteSettingsRepository } from '../application/ports/site-settings.repository';
import { SiteCallSettingsHandler } from '../application/settings/site-call-settings.handler';
import { CallRoutingError, CallRoutingErrorCode } from '../domain/call-routing-error';

export const DEMO_LINES_OPTIONS = Symbol('DEMO_LINES_OPTIONS');

export interface DemoLinesOptions {
  /** `CALL_ROUTING_DEMO_DATA=load`. */
  enabled: boolean;
  pollMs: number;
  giveUpMs: number;
}

/** The demo loader acts as an administrator of each structure, through the handlers: every rule is checked. */
const DEMO_LOADER_ID = '00000000-0000-4000-8000-00000000ca11';
const administratorOf = (site: SiteRef): UserContext => ({
  memberId: DEMO_LOADER_ID,
  memberships: [{ structureId: site.structureId, roles: ['administrator'], siteIds: [site.siteId] }],
});

/**
 * Makes the virtual secretary answer the demo practices, in the background after boot, if call routing held no line at
 * boot: as the directory's sites reach call routing's copy, each gets a line with its first number in the directory
 * (the desk: its second number, or the first with its last digit moved on by one, a fictitious desk), and the
 * phone-booking motif scheduling offers the virtual secretary (which scheduling's own demo data creates a little later).
 * The default rulebook applies until a practice publishes its own. Looks for a few minutes, then stops.
 */
@Injectable()
export class DemoLinesLoader implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DemoLines');
  private readonly loop = new BackgroundWatch();

  constructor(
    @Inject(DEMO_LINES_OPTIONS) private readonly options: DemoLinesOptions,
    private readonly directoryCopy: DirectoryCopyRepository,
    private readonly directory: CallerDirectory,
    private readonly agenda: AgendaPort,
    private readonly lines: LineRepository,
    private readonly settings: SiteSettingsRepository,
    private readonly addLines: ManageLinesHandler,
    private readonly saveSettings: SiteCallSettingsHandler,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.enabled)
      void this.loop.start(
        () => this.watch(),
        (error) => this.logger.error(`Demo lines stopped: ${error.message}`),
      );
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  private async watch(): Promise<void> {
    if (await this.lines.anyLine()) {
      this.logger.log('Demo lines skipped: call routing already holds phone lines');
      return;
    }
    const deadline = Date.now() + this.options.giveUpMs;
    const done = new Set<string>();
    while (this.loop.goesOn(deadline)) {
      const sites = await this.directoryCopy.sites();
      for (const site of sites) if (!done.has(site.siteId) && (await this.equip(site))) done.add(site.siteId);
      if (done.size > 0 && done.size === sites.length) {
        this.logger.log(`Demo lines ready: ${done.size} sites answer with the default rulebook`);
        return;
      }
      await this.loop.pause(this.options.pollMs);
    }
    if (!this.loop.stopping)
      this.logger.warn(`Demo lines gave up after ${this.options.giveUpMs} ms: ${done.size} sites ready`);
  }

  /** True once the site has its line and its phone-booking motif. */
  private async equip(site: SiteRef): Promise<boolean> {
    const admin = administratorOf(site);
    if (!(await this.lines.siteLine(site.siteId))) {
      const info = await this.directory.siteInformation(site.siteId);
      const [number, desk] = info?.phoneLines ?? [];
      if (!info || !number) return false;
      try {
        await this.addLines.add(admin, {
          siteId: site.siteId,
          number,
          deskNumber: desk ?? nextNumber(number),
          label: info.name,
        });
      } catch (error) {
        // Another site of the demo listed the same number: this site is answered through the other's line.
        if (!(error instanceof CallRoutingError && error.code === CallRoutingErrorCode.LineTaken)) throw error;
      }
    }
    if ((await this.settings.get(site.siteId))?.bookingMotifId) return true;
    const motifId = await this.agenda.phoneMotif(site.structureId).catch(() => null);
    if (!motifId) return false;
    await this.saveSettings.save(admin, { siteId: site.siteId, bookingMotifId: motifId });
    return true;
  }
}

/** +33299094120 → +33299094121: a fictitious desk next to the line. */
function nextNumber(e164: string): string {
  const last = Number(e164.at(-1));
  return `${e164.slice(0, -1)}${(last + 1) % 10}`;
}

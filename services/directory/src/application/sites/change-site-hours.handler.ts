import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { DirectoryError, directoryInput } from '../../domain/directory-error';
import { assertOpeningHours, type OpeningHours } from '../../domain/opening-hours';
import { PERMISSIONS } from '../permissions';
import { type Site, SiteRepository } from '../ports/site.repository';

export interface ChangeSiteHoursInput {
  siteId: string;
  openingHours: OpeningHours[];
  timeZone?: string | null;
}

@Injectable()
export class ChangeSiteHoursHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly sites: SiteRepository,
  ) {}

  async execute(user: UserContext, input: ChangeSiteHoursInput): Promise<Site> {
    const openingHours = assertOpeningHours(input.openingHours, 'input.openingHours');
    const timeZone = input.timeZone ? directoryInput.timeZone(input.timeZone, 'input.timeZone') : undefined;
    return this.transactions.run(async () => {
      const current = await this.sites.lockById(input.siteId);
      if (!current) throw DirectoryError.notFound('Site', 'input.siteId');
      assertStructureAccess(
        user,
        current.structureId,
        PERMISSIONS.manageSites,
        DirectoryError.notFound('Site', 'input.siteId'),
      );
      const site: Site = { ...current, openingHours, timeZone: timeZone ?? current.timeZone };
      await this.sites.update(site);
      await this.outbox.record('directory.site.hours-changed.v1', {
        siteId: site.id,
        structureId: site.structureId,
        timeZone: site.timeZone,
        openingHours,
        changedAt: this.clock.now().toISOString(),
      });
      return site;
    });
  }
}

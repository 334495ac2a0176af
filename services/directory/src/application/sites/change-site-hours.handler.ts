import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { DirectoryError, directoryInput } from '../../domain/directory-error';
import { assertOpeningHours, type OpeningHours } from '../../domain/opening-hours';
import { SiteEntity } from '../../infrastructure/entities';
import { PERMISSIONS } from '../permissions';

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
  ) {}

  execute(user: UserContext, input: ChangeSiteHoursInput): Promise<SiteEntity> {
    const openingHours = assertOpeningHours(input.openingHours, 'input.openingHours');
    const timeZone = input.timeZone ? directoryInput.timeZone(input.timeZone, 'input.timeZone') : undefined;
    return this.transactions.run(async (manager) => {
      const site = await manager.findOne(SiteEntity, {
        where: { id: input.siteId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!site) throw DirectoryError.notFound('Site', 'input.siteId');
      assertStructureAccess(
        user,
        site.structureId,
        PERMISSIONS.manageSites,
        DirectoryError.notFound('Site', 'input.siteId'),
      );
      site.openingHours = openingHours;
      if (timeZone) site.timeZone = timeZone;
      await manager.save(site);
      await this.outbox.record('directory.site.hours-changed.v1', {
        siteId: site.id,
        structureId: site.structureId,
        timeZone: site.timeZone,
        openingHours,
        changedAt: new Date().toISOString(),
      });
      return site;
    });
  }
}

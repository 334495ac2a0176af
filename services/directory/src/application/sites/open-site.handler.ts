import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { DirectoryError, directoryInput } from '../../domain/directory-error';
import { assertOpeningHours, type OpeningHours } from '../../domain/opening-hours';
import { toE164 } from '../../domain/phone-number';
import { checkName } from '../members/member-fields';
import { PERMISSIONS } from '../permissions';
import { type Site, SiteRepository } from '../ports/site.repository';
import { StructureRepository } from '../ports/structure.repository';

export interface OpenSiteInput {
  structureId: string;
  name: string;
  addressLine: string;
  postalCode: string;
  city: string;
  phoneLines: string[];
  timeZone?: string | null;
  openingHours: OpeningHours[];
}

@Injectable()
export class OpenSiteHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly structures: StructureRepository,
    private readonly sites: SiteRepository,
  ) {}

  async execute(user: UserContext, input: OpenSiteInput): Promise<Site> {
    assertStructureAccess(user, input.structureId, PERMISSIONS.manageSites);
    if (!/^\d{5}$/.test(input.postalCode))
      throw DirectoryError.invalid('input.postalCode', 'must be a 5-digit French postal code');
    const site: Site = {
      id: randomUUID(),
      structureId: input.structureId,
      name: checkName(input.name, 'input.name'),
      addressLine: checkName(input.addressLine, 'input.addressLine'),
      postalCode: input.postalCode,
      city: checkName(input.city, 'input.city'),
      phoneLines: input.phoneLines.map((line, i) => toE164(line, `input.phoneLines[${i}]`)),
      // Checked here, defaulted below to the structure's zone once it is read.
      timeZone: input.timeZone ? directoryInput.timeZone(input.timeZone, 'input.timeZone') : '',
      openingHours: assertOpeningHours(input.openingHours, 'input.openingHours'),
      createdAt: this.clock.now(),
    };
    return this.transactions.run(async () => {
      const structure = await this.structures.findById(input.structureId);
      if (!structure) throw DirectoryError.notFound('Structure', 'input.structureId');
      site.timeZone ||= structure.timeZone;
      await this.sites.insert(site);
      await this.outbox.record('directory.site.opened.v1', {
        siteId: site.id,
        structureId: site.structureId,
        timeZone: site.timeZone,
        openingHours: site.openingHours,
        openedAt: site.createdAt.toISOString(),
      });
      return site;
    });
  }
}

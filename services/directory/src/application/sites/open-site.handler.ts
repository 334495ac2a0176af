import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { OutboxWriter } from '@msp/messaging';
import { TransactionRunner } from '@msp/persistence';
import { DirectoryError, directoryInput } from '../../domain/directory-error';
import { assertOpeningHours, type OpeningHours } from '../../domain/opening-hours';
import { toE164 } from '../../domain/phone-number';
import { SiteEntity, StructureEntity } from '../../infrastructure/entities';
import { checkName } from '../members/member-fields';
import { PERMISSIONS } from '../permissions';

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
  ) {}

  execute(user: UserContext, input: OpenSiteInput): Promise<SiteEntity> {
    assertStructureAccess(user, input.structureId, PERMISSIONS.manageSites);
    if (!/^\d{5}$/.test(input.postalCode))
      throw DirectoryError.invalid('input.postalCode', 'must be a 5-digit French postal code');
    const site: SiteEntity = Object.assign(new SiteEntity(), {
      id: randomUUID(),
      structureId: input.structureId,
      name: checkName(input.name, 'input.name'),
      addressLine: checkName(input.addressLine, 'input.addressLine'),
      postalCode: input.postalCode,
      city: checkName(input.city, 'input.city'),
      phoneLines: input.phoneLines.map((line, i) => toE164(line, `input.phoneLines[${i}]`)),
      timeZone: directoryInput.timeZone(input.timeZone ?? 'Europe/Paris', 'input.timeZone'),
      openingHours: assertOpeningHours(input.openingHours, 'input.openingHours'),
    });
    return this.transactions.run(async (manager) => {
      if (!(await manager.existsBy(StructureEntity, { id: input.structureId })))
        throw DirectoryError.notFound('Structure', 'input.structureId');
      const saved = await manager.save(site);
      await this.outbox.record('directory.site.opened.v1', {
        siteId: saved.id,
        structureId: saved.structureId,
        timeZone: saved.timeZone,
        openingHours: saved.openingHours,
        openedAt: new Date().toISOString(),
      });
      return saved;
    });
  }
}

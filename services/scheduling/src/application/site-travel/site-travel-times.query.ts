import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import type { SiteTravel } from '../../domain/site-travel';
import { SiteTravelRepository } from '../ports/site-travel.repository';
import { assertUuid } from '../input-checks';
import { PERMISSIONS } from '../permissions';

/** The travel times set between a structure's sites, for its members. */
@Injectable()
export class SiteTravelTimesQuery {
  constructor(private readonly travel: SiteTravelRepository) {}

  execute(user: UserContext, input: { structureId: string }): Promise<SiteTravel[]> {
    const structureId = assertUuid(input.structureId, 'structureId');
    assertStructureAccess(user, structureId, PERMISSIONS.readAgenda);
    return this.travel.ofStructure(structureId);
  }
}

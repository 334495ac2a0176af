import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import type { Room, RoomRequirement } from '../../domain/room';
import { SchedulingError } from '../../domain/scheduling-error';
import { AgendaRepository } from '../ports/agenda.repository';
import { RoomRepository } from '../ports/room.repository';
import { assertUuid } from '../input-checks';
import { PERMISSIONS } from '../permissions';

/** The rooms of a site and what the structure's motifs need of rooms, for its members. */
@Injectable()
export class RoomsQuery {
  constructor(
    private readonly agenda: AgendaRepository,
    private readonly rooms: RoomRepository,
  ) {}

  async ofSite(user: UserContext, input: { siteId: string; includeArchived?: boolean | null }): Promise<Room[]> {
    const siteId = assertUuid(input.siteId, 'siteId');
    const site = await this.agenda.site(siteId);
    if (!site) throw SchedulingError.notFound('Site', 'siteId');
    assertStructureAccess(user, site.structureId, PERMISSIONS.readAgenda, SchedulingError.notFound('Site', 'siteId'));
    return this.rooms.ofSites([siteId], input.includeArchived ?? false);
  }

  requirements(user: UserContext, input: { structureId: string }): Promise<RoomRequirement[]> {
    const structureId = assertUuid(input.structureId, 'structureId');
    assertStructureAccess(user, structureId, PERMISSIONS.readAgenda);
    return this.rooms.requirementsOf(structureId);
  }
}

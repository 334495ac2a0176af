import { Injectable } from '@nestjs/common';
import type { EventPayloads } from '@msp/contracts';
import { DirectoryCopyRepository } from '../ports/directory-copy.repository';

/** Sites (zone, hours) and memberships (with the member's sites), copied from the directory's events: ids only, upserted by id. */
@Injectable()
export class DirectoryProjection {
  constructor(private readonly copy: DirectoryCopyRepository) {}

  siteOpened(data: EventPayloads['directory.site.opened.v1']): Promise<void> {
    return this.copy.upsertSite(
      { siteId: data.siteId, structureId: data.structureId, timeZone: data.timeZone, openingHours: data.openingHours },
      new Date(data.openedAt),
    );
  }

  async siteHoursChanged(data: EventPayloads['directory.site.hours-changed.v1']): Promise<void> {
    const site = await this.copy.site(data.siteId);
    // Hours of a site whose opening has not arrived yet: kept with what the event says, the zone comes with the opening.
    await this.copy.upsertSite(
      {
        siteId: data.siteId,
        structureId: data.structureId,
        timeZone: site?.timeZone ?? 'Europe/Paris',
        openingHours: data.openingHours,
      },
      new Date(data.changedAt),
    );
  }

  memberJoined(data: EventPayloads['directory.member.joined.v1']): Promise<void> {
    return this.copy.upsertMember(
      data.memberId,
      data.structureId,
      data.profession,
      new Date(data.joinedAt),
      data.siteIds,
    );
  }

  memberUpdated(data: EventPayloads['directory.member.updated.v1']): Promise<void> {
    return this.copy.upsertMember(
      data.memberId,
      data.structureId,
      data.profession,
      new Date(data.updatedAt),
      data.siteIds,
    );
  }

  memberLeft(data: EventPayloads['directory.member.left.v1']): Promise<void> {
    return this.copy.markMemberLeft(data.memberId, data.structureId, new Date(data.leftAt));
  }
}

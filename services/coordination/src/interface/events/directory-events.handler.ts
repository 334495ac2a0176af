import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@msp/contracts';
import { HandleEvent } from '@msp/messaging';
import { TeamProjection } from '../../application/projections/team-projection';

/** The directory's members (professions, roles, sites) and sites, into coordination's copy (applied once, via the inbox). */
@Injectable()
export class DirectoryEventsHandler {
  constructor(private readonly projection: TeamProjection) {}

  @HandleEvent('directory.member.joined.v1')
  onMemberJoined(event: EventEnvelope<'directory.member.joined.v1'>): Promise<void> {
    return this.projection.memberChanged(event.data, event.data.joinedAt);
  }

  @HandleEvent('directory.member.updated.v1')
  onMemberUpdated(event: EventEnvelope<'directory.member.updated.v1'>): Promise<void> {
    return this.projection.memberChanged(event.data, event.data.updatedAt);
  }

  @HandleEvent('directory.member.left.v1')
  onMemberLeft(event: EventEnvelope<'directory.member.left.v1'>): Promise<void> {
    return this.projection.memberLeft(event.data);
  }

  @HandleEvent('directory.site.opened.v1')
  onSiteOpened(event: EventEnvelope<'directory.site.opened.v1'>): Promise<void> {
    return this.projection.siteOpened(event.data);
  }
}

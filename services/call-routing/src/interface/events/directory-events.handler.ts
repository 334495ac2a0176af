import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@msp/contracts';
import { HandleEvent } from '@msp/messaging';
import { DirectoryProjection } from '../../application/projections/directory-projection';

/** The directory's sites and memberships, into call routing's copy (applied once, through the inbox). */
@Injectable()
export class DirectoryEventsHandler {
  constructor(private readonly projection: DirectoryProjection) {}

  @HandleEvent('directory.site.opened.v1')
  onSiteOpened(event: EventEnvelope<'directory.site.opened.v1'>): Promise<void> {
    return this.projection.siteOpened(event.data);
  }

  @HandleEvent('directory.site.hours-changed.v1')
  onSiteHoursChanged(event: EventEnvelope<'directory.site.hours-changed.v1'>): Promise<void> {
    return this.projection.siteHoursChanged(event.data);
  }

  @HandleEvent('directory.member.joined.v1')
  onMemberJoined(event: EventEnvelope<'directory.member.joined.v1'>): Promise<void> {
    return this.projection.memberJoined(event.data);
  }

  @HandleEvent('directory.member.updated.v1')
  onMemberUpdated(event: EventEnvelope<'directory.member.updated.v1'>): Promise<void> {
    return this.projection.memberUpdated(event.data);
  }

  @HandleEvent('directory.member.left.v1')
  onMemberLeft(event: EventEnvelope<'directory.member.left.v1'>): Promise<void> {
    return this.projection.memberLeft(event.data);
  }
}

import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@msp/contracts';
import { HandleEvent } from '@msp/messaging';
import { ActivityProjection } from '../../application/projections/activity-projection';

/** Sites' zones (a fact's period is read in its site's zone) and the practitioners a structure's figures divide by. */
@Injectable()
export class DirectoryEventsHandler {
  constructor(private readonly projection: ActivityProjection) {}

  @HandleEvent('directory.site.opened.v1')
  onSiteOpened(event: EventEnvelope<'directory.site.opened.v1'>): Promise<void> {
    return this.projection.siteChanged(event.data, event.data.openedAt);
  }

  @HandleEvent('directory.site.hours-changed.v1')
  onSiteHoursChanged(event: EventEnvelope<'directory.site.hours-changed.v1'>): Promise<void> {
    return this.projection.siteChanged(event.data, event.data.changedAt);
  }

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
}

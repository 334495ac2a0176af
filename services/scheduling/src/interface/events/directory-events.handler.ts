import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@msp/contracts';
import { HandleEvent } from '@msp/messaging';
import { DirectoryProjection } from '../../application/projections/directory-projection';

/**
 * The directory's sites and memberships, into scheduling's copy, inside the inbox transaction (applied once), each
 * ordered by the event's time so that a late older event never undoes a newer one.
 */
@Injectable()
export class DirectoryEventsHandler {
  constructor(private readonly projection: DirectoryProjection) {}

  @HandleEvent('directory.site.opened.v1')
  async onSiteOpened(event: EventEnvelope<'directory.site.opened.v1'>): Promise<void> {
    await this.projection.upsertSite(event.data, eventTime(event));
  }

  @HandleEvent('directory.site.hours-changed.v1')
  async onSiteHoursChanged(event: EventEnvelope<'directory.site.hours-changed.v1'>): Promise<void> {
    await this.projection.upsertSite(event.data, eventTime(event));
  }

  @HandleEvent('directory.member.joined.v1')
  async onMemberJoined(event: EventEnvelope<'directory.member.joined.v1'>): Promise<void> {
    await this.projection.upsertMember(event.data, eventTime(event));
  }

  @HandleEvent('directory.member.updated.v1')
  async onMemberUpdated(event: EventEnvelope<'directory.member.updated.v1'>): Promise<void> {
    await this.projection.upsertMember(event.data, eventTime(event));
  }

  @HandleEvent('directory.member.left.v1')
  async onMemberLeft(event: EventEnvelope<'directory.member.left.v1'>): Promise<void> {
    await this.projection.memberLeft(event.data, eventTime(event));
  }
}

/** The time the directory recorded the event: what orders it against the copy (an older one changes nothing). */
function eventTime(event: EventEnvelope): string {
  if (Number.isNaN(Date.parse(event.time)))
    throw new Error(`${event.type} ${event.id} carries no valid time (ce_time): it cannot be ordered against the copy`);
  return event.time;
}

import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@msp/contracts';
import { HandleEvent } from '@msp/messaging';
import { requireActiveManager } from '@msp/persistence';

/**
 * Keeps what scheduling needs of the directory — each site's structure and time zone, each member's profession, roles
 * and sites — from the directory's events, inside the inbox transaction (applied once, replays harmless).
 */
@Injectable()
export class DirectoryProjection {
  @HandleEvent('directory.site.opened.v1')
  async onSiteOpened(event: EventEnvelope<'directory.site.opened.v1'>): Promise<void> {
    await this.upsertSite(event.data);
  }

  @HandleEvent('directory.site.hours-changed.v1')
  async onSiteHoursChanged(event: EventEnvelope<'directory.site.hours-changed.v1'>): Promise<void> {
    await this.upsertSite(event.data);
  }

  @HandleEvent('directory.member.joined.v1')
  async onMemberJoined(event: EventEnvelope<'directory.member.joined.v1'>): Promise<void> {
    await this.upsertMember(event.data);
  }

  @HandleEvent('directory.member.updated.v1')
  async onMemberUpdated(event: EventEnvelope<'directory.member.updated.v1'>): Promise<void> {
    await this.upsertMember(event.data);
  }

  @HandleEvent('directory.member.left.v1')
  async onMemberLeft(event: EventEnvelope<'directory.member.left.v1'>): Promise<void> {
    await requireActiveManager('Projecting a member').query(
      `update team_member set left_at = $3, updated_at = now() where member_id = $1 and structure_id = $2`,
      [event.data.memberId, event.data.structureId, event.data.leftAt],
    );
  }

  async upsertSite(site: { siteId: string; structureId: string; timeZone: string }): Promise<void> {
    await requireActiveManager('Projecting a site').query(
      `insert into site_ref (site_id, structure_id, time_zone) values ($1, $2, $3)
       on conflict (site_id) do update set structure_id = excluded.structure_id, time_zone = excluded.time_zone, updated_at = now()`,
      [site.siteId, site.structureId, site.timeZone],
    );
  }

  async upsertMember(member: {
    memberId: string;
    structureId: string;
    profession: string;
    roles: string[];
    siteIds: string[];
  }): Promise<void> {
    await requireActiveManager('Projecting a member').query(
      `insert into team_member (member_id, structure_id, profession, roles, site_ids) values ($1, $2, $3, $4, $5)
       on conflict (member_id, structure_id) do update
         set profession = excluded.profession, roles = excluded.roles, site_ids = excluded.site_ids, left_at = null, updated_at = now()`,
      [member.memberId, member.structureId, member.profession, member.roles, member.siteIds],
    );
  }
}

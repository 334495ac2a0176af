import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { requireActiveManager } from '@msp/persistence';
import {
  DirectoryCopyRepository,
  type DirectoryMembership,
  type DirectorySite,
} from '../../application/ports/directory-copy.repository';

/**
 * Upserts keyed by the directory's ids, guarded by the time of the last event applied to the row: replayed, late or
 * out-of-order events and a rebuild leave the rows the newest event says.
 */
@Injectable()
export class TypeOrmDirectoryCopyRepository implements DirectoryCopyRepository {
  constructor(private readonly db: DataSource) {}

  async isEmpty(): Promise<boolean> {
    const [{ count }]: Array<{ count: number }> = await this.db.query('select count(*)::int as count from site_ref');
    return count === 0;
  }

  async upsertSite(site: DirectorySite, asOf?: string): Promise<void> {
    await requireActiveManager('Projecting a site').query(
      `insert into site_ref (site_id, structure_id, time_zone, last_event_at) values ($1, $2, $3, $4)
       on conflict (site_id) do update
         set structure_id = excluded.structure_id, time_zone = excluded.time_zone, updated_at = now(),
             last_event_at = excluded.last_event_at
         where ${NOT_OLDER('site_ref')}`,
      [site.siteId, site.structureId, site.timeZone, asOf ?? null],
    );
  }

  async upsertMember(member: DirectoryMembership, asOf?: string): Promise<void> {
    await requireActiveManager('Projecting a member').query(
      `insert into team_member (member_id, structure_id, profession, roles, site_ids, last_event_at)
       values ($1, $2, $3, $4, $5, $6)
       on conflict (member_id, structure_id) do update
         set profession = excluded.profession, roles = excluded.roles, site_ids = excluded.site_ids, left_at = null,
             updated_at = now(), last_event_at = excluded.last_event_at
         where ${NOT_OLDER('team_member')}`,
      [member.memberId, member.structureId, member.profession, member.roles, member.siteIds, asOf ?? null],
    );
  }

  async memberLeft(memberId: string, structureId: string, leftAt: string, asOf?: string): Promise<void> {
    // The profession of a member seen only leaving is unknown; the row is a tombstone, never listed (left_at is set).
    await requireActiveManager('Projecting a member').query(
      `insert into team_member (member_id, structure_id, profession, left_at, last_event_at) values ($1, $2, '', $3, $4)
       on conflict (member_id, structure_id) do update
         set left_at = excluded.left_at, updated_at = now(), last_event_at = excluded.last_event_at
         where ${NOT_OLDER('team_member')}`,
      [memberId, structureId, leftAt, asOf ?? null],
    );
  }
}

/**
 * The upsert's guard: an event applies unless the row holds a newer event; a snapshot (no event time) applies only to
 * rows no event has written.
 */
const NOT_OLDER = (table: string): string =>
  `(excluded.last_event_at is null and ${table}.last_event_at is null)
   or (excluded.last_event_at is not null and (${table}.last_event_at is null or ${table}.last_event_at <= excluded.last_event_at))`;

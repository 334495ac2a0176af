import { Injectable } from '@nestjs/common';
import { activeManager } from '@msp/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DirectoryCopyRepository,
  type OpeningHours,
  type SiteRef,
} from '../../application/ports/directory-copy.repository';

interface SiteRow {
  site_id: string;
  structure_id: string;
  time_zone: string;
  opening_hours: OpeningHours[];
}

/**
 * Upserts keyed by the directory's ids and guarded by the time of the fact (`updated_at`): a replayed or late event
 * never overwrites what a newer one said.
 */
@Injectable()
export class TypeOrmDirectoryCopyRepository implements DirectoryCopyRepository {
  constructor(private readonly db: DataSource) {}

  async upsertSite(site: SiteRef, at: Date): Promise<void> {
    await this.manager().query(
      `insert into site_ref (site_id, structure_id, time_zone, opening_hours, updated_at)
       values ($1, $2, $3, $4::jsonb, $5)
       on conflict (site_id) do update
         set structure_id = excluded.structure_id, time_zone = excluded.time_zone,
             opening_hours = excluded.opening_hours, updated_at = excluded.updated_at
         where site_ref.updated_at <= excluded.updated_at`,
      [site.siteId, site.structureId, site.timeZone, JSON.stringify(site.openingHours), at],
    );
  }

  async upsertMember(
    memberId: string,
    structureId: string,
    profession: string,
    at: Date,
    siteIds: readonly string[] = [],
  ): Promise<void> {
    await this.manager().query(
      `insert into team_member (member_id, structure_id, profession, updated_at, site_ids) values ($1, $2, $3, $4, $5)
       on conflict (member_id, structure_id) do update
         set profession = excluded.profession, site_ids = excluded.site_ids, left_at = null,
             updated_at = excluded.updated_at
         where team_member.updated_at <= excluded.updated_at`,
      [memberId, structureId, profession, at, siteIds],
    );
  }

  async markMemberLeft(memberId: string, structureId: string, at: Date): Promise<void> {
    // A member seen only leaving has no known profession: the row is a tombstone, never a current member.
    await this.manager().query(
      `insert into team_member (member_id, structure_id, profession, left_at, updated_at) values ($1, $2, '', $3, $3)
       on conflict (member_id, structure_id) do update
         set left_at = excluded.left_at, updated_at = excluded.updated_at
         where team_member.updated_at <= excluded.updated_at`,
      [memberId, structureId, at],
    );
  }

  async site(siteId: string): Promise<SiteRef | null> {
    const [row]: SiteRow[] = await this.manager().query(
      `select site_id, structure_id, time_zone, opening_hours from site_ref where site_id = $1`,
      [siteId],
    );
    return row ? toSite(row) : null;
  }

  async sites(): Promise<SiteRef[]> {
    const rows: SiteRow[] = await this.manager().query(
      `select site_id, structure_id, time_zone, opening_hours from site_ref order by structure_id, site_id`,
    );
    return rows.map(toSite);
  }

  async currentMembers(structureId: string, memberIds: readonly string[]): Promise<string[]> {
    if (memberIds.length === 0) return [];
    const rows: Array<{ member_id: string }> = await this.manager().query(
      `select member_id from team_member where structure_id = $1 and member_id = any($2::uuid[]) and left_at is null`,
      [structureId, memberIds],
    );
    return rows.map((r) => r.member_id);
  }

  /** Joins the event's transaction (the inbox's) when there is one. */
  private manager(): EntityManager {
    return activeManager() ?? this.db.manager;
  }
}

const toSite = (row: SiteRow): SiteRef => ({
  siteId: row.site_id,
  structureId: row.structure_id,
  timeZone: row.time_zone,
  openingHours: row.opening_hours,
});

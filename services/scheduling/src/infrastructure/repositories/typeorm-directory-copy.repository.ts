import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { requireActiveManager } from '@msp/persistence';
import {
  DirectoryCopyRepository,
  type DirectoryMembership,
  type DirectorySite,
} from '../../application/ports/directory-copy.repository';

/** Upserts keyed by the directory's ids: replayed or out-of-order events and a rebuild leave the same rows. */
@Injectable()
export class TypeOrmDirectoryCopyRepository implements DirectoryCopyRepository {
  constructor(private readonly db: DataSource) {}

  async isEmpty(): Promise<boolean> {
    const [{ count }]: Array<{ count: number }> = await this.db.query('select count(*)::int as count from site_ref');
    return count === 0;
  }

  async upsertSite(site: DirectorySite): Promise<void> {
    await requireActiveManager('Projecting a site').query(
      `insert into site_ref (site_id, structure_id, time_zone) values ($1, $2, $3)
       on conflict (site_id) do update set structure_id = excluded.structure_id, time_zone = excluded.time_zone, updated_at = now()`,
      [site.siteId, site.structureId, site.timeZone],
    );
  }

  async upsertMember(member: DirectoryMembership): Promise<void> {
    await requireActiveManager('Projecting a member').query(
      `insert into team_member (member_id, structure_id, profession, roles, site_ids) values ($1, $2, $3, $4, $5)
       on conflict (member_id, structure_id) do update
         set profession = excluded.profession, roles = excluded.roles, site_ids = excluded.site_ids, left_at = null, updated_at = now()`,
      [member.memberId, member.structureId, member.profession, member.roles, member.siteIds],
    );
  }

  async memberLeft(memberId: string, structureId: string, leftAt: string): Promise<void> {
    await requireActiveManager('Projecting a member').query(
      `update team_member set left_at = $3, updated_at = now() where member_id = $1 and structure_id = $2`,
      [memberId, structureId, leftAt],
    );
  }
}

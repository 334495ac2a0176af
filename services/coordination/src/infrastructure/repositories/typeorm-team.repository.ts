import { Injectable } from '@nestjs/common';
import { activeManager } from '@msp/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { TeamRepository, type TeamMember, type TeamSite } from '../../application/ports/team.repository';

interface MemberRow {
  member_id: string;
  structure_id: string;
  profession: string;
  roles: string[];
  site_ids: string[];
  left_at: Date | null;
}

const MEMBER_COLUMNS = 'member_id, structure_id, profession, roles, site_ids, left_at';

const toMember = (r: MemberRow): TeamMember => ({
  memberId: r.member_id,
  structureId: r.structure_id,
  profession: r.profession,
  roles: r.roles,
  siteIds: r.site_ids,
  leftAt: r.left_at,
});

/**
 * The copy of the directory's team (sites with their zones, members with their professions and roles), fed by its
 * events. Upserts are order-safe: a row only takes a fact at least as recent as the one it holds (`updated_at`).
 */
@Injectable()
export class TypeOrmTeamRepository implements TeamRepository {
  constructor(private readonly db: DataSource) {}

  async upsertMember(member: TeamMember, at: Date): Promise<void> {
    await this.manager().query(
      `insert into team_member (member_id, structure_id, profession, roles, site_ids, left_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (member_id, structure_id) do update
         set profession = excluded.profession, roles = excluded.roles, site_ids = excluded.site_ids,
             left_at = excluded.left_at, updated_at = excluded.updated_at
         where team_member.updated_at <= excluded.updated_at`,
      [member.memberId, member.structureId, member.profession, member.roles, member.siteIds, member.leftAt, at],
    );
  }

  async markLeft(memberId: string, structureId: string, at: Date): Promise<void> {
    // A member seen only leaving is a tombstone: a joining older than the departure cannot bring them back.
    await this.manager().query(
      `insert into team_member (member_id, structure_id, profession, roles, site_ids, left_at, updated_at)
       values ($1, $2, 'unknown', '{}', '{}', $3, $3)
       on conflict (member_id, structure_id) do update
         set left_at = excluded.left_at, updated_at = excluded.updated_at
         where team_member.updated_at <= excluded.updated_at`,
      [memberId, structureId, at],
    );
  }

  async upsertSite(site: TeamSite, at: Date): Promise<void> {
    await this.manager().query(
      `insert into site_ref (site_id, structure_id, time_zone, updated_at) values ($1, $2, $3, $4)
       on conflict (site_id) do update
         set structure_id = excluded.structure_id, time_zone = excluded.time_zone, updated_at = excluded.updated_at
         where site_ref.updated_at <= excluded.updated_at`,
      [site.siteId, site.structureId, site.timeZone, at],
    );
  }

  async members(structureId: string, memberIds: readonly string[]): Promise<TeamMember[]> {
    if (!memberIds.length) return [];
    const rows: MemberRow[] = await this.manager().query(
      `select ${MEMBER_COLUMNS} from team_member
       where structure_id = $1 and member_id = any($2::uuid[]) and left_at is null order by member_id`,
      [structureId, memberIds],
    );
    return rows.map(toMember);
  }

  async structureMembers(structureId: string): Promise<TeamMember[]> {
    const rows: MemberRow[] = await this.manager().query(
      `select ${MEMBER_COLUMNS} from team_member where structure_id = $1 and left_at is null order by member_id`,
      [structureId],
    );
    return rows.map(toMember);
  }

  async withRole(role: string): Promise<TeamMember[]> {
    const rows: MemberRow[] = await this.manager().query(
      `select ${MEMBER_COLUMNS} from team_member where left_at is null and $1 = any(roles)
       order by structure_id, member_id`,
      [role],
    );
    return rows.map(toMember);
  }

  async site(siteId: string): Promise<TeamSite | null> {
    const [row]: Array<{ site_id: string; structure_id: string; time_zone: string }> = await this.manager().query(
      `select site_id, structure_id, time_zone from site_ref where site_id = $1`,
      [siteId],
    );
    return row ? { siteId: row.site_id, structureId: row.structure_id, timeZone: row.time_zone } : null;
  }

  async structureTimeZone(structureId: string): Promise<string> {
    const [row]: Array<{ time_zone: string }> = await this.manager().query(
      `select time_zone from site_ref where structure_id = $1 order by updated_at, site_id limit 1`,
      [structureId],
    );
    return row?.time_zone ?? 'Europe/Paris';
  }

  /** Neither a member (even one who left) nor a site: the copy was never fed. */
  async isEmpty(): Promise<boolean> {
    const [row]: Array<{ empty: boolean }> = await this.manager().query(
      `select not exists (select 1 from team_member) and not exists (select 1 from site_ref) as empty`,
    );
    return row.empty;
  }

  /** Joins the event's transaction (the inbox's) when there is one. */
  private manager(): EntityManager {
    return activeManager() ?? this.db.manager;
  }
}

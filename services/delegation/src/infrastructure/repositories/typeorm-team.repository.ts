import { Injectable } from '@nestjs/common';
import { activeManager } from '@msp/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { TeamRepository, type TeamMember } from '../../application/ports/team.repository';

interface MemberRow {
  member_id: string;
  structure_id: string;
  profession: string;
  roles: string[];
  site_ids: string[];
  referent_id: string | null;
  backup_referent_id: string | null;
  left_at: Date | null;
}

const toMember = (r: MemberRow): TeamMember => ({
  memberId: r.member_id,
  structureId: r.structure_id,
  profession: r.profession,
  roles: r.roles,
  siteIds: r.site_ids,
  referentId: r.referent_id,
  backupReferentId: r.backup_referent_id,
  leftAt: r.left_at,
});

/**
 * The copy of the directory's team (sites, members with their roles and referents) and of scheduling's absences, fed
 * by their events. Upserts are keyed by the other service's ids and order-safe: a member or site row only takes a
 * fact at least as recent as the one it holds (`updated_at`), and an absence only ever gets shorter, so a replayed or
 * late event never undoes a newer one.
 */
@Injectable()
export class TypeOrmTeamRepository implements TeamRepository {
  constructor(private readonly db: DataSource) {}

  async upsertMember(member: TeamMember, at: Date): Promise<void> {
    await this.manager().query(
      `insert into team_member
         (member_id, structure_id, profession, roles, site_ids, referent_id, backup_referent_id, left_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       on conflict (member_id, structure_id) do update
         set profession = excluded.profession, roles = excluded.roles, site_ids = excluded.site_ids,
             referent_id = excluded.referent_id, backup_referent_id = excluded.backup_referent_id,
             left_at = excluded.left_at, updated_at = excluded.updated_at
         where team_member.updated_at <= excluded.updated_at`,
      [
        member.memberId,
        member.structureId,
        member.profession,
        member.roles,
        member.siteIds,
        member.referentId,
        member.backupReferentId,
        member.leftAt,
        at,
      ],
    );
  }

  async markLeft(memberId: string, structureId: string, at: Date): Promise<void> {
    // A member seen only leaving (their joining not yet applied, or never) is a tombstone, never a current member:
    // a joining older than the departure then cannot bring them back.
    await this.manager().query(
      `insert into team_member
         (member_id, structure_id, profession, roles, site_ids, referent_id, backup_referent_id, left_at, updated_at)
       values ($1, $2, 'unknown', '{}', '{}', null, null, $3, $3)
       on conflict (member_id, structure_id) do update
         set left_at = excluded.left_at, updated_at = excluded.updated_at
         where team_member.updated_at <= excluded.updated_at`,
      [memberId, structureId, at],
    );
  }

  async upsertSite(siteId: string, structureId: string, at: Date): Promise<void> {
    await this.manager().query(
      `insert into site_ref (site_id, structure_id, updated_at) values ($1, $2, $3)
       on conflict (site_id) do update
         set structure_id = excluded.structure_id, updated_at = excluded.updated_at
         where site_ref.updated_at <= excluded.updated_at`,
      [siteId, structureId, at],
    );
  }

  async member(structureId: string, memberId: string): Promise<TeamMember | null> {
    const [row]: MemberRow[] = await this.manager().query(
      `select member_id, structure_id, profession, roles, site_ids, referent_id, backup_referent_id, left_at
       from team_member where structure_id = $1 and member_id = $2 and left_at is null`,
      [structureId, memberId],
    );
    return row ? toMember(row) : null;
  }

  async delegates(): Promise<TeamMember[]> {
    const rows: MemberRow[] = await this.manager().query(
      `select member_id, structure_id, profession, roles, site_ids, referent_id, backup_referent_id, left_at
       from team_member where left_at is null and referent_id is not null order by structure_id, member_id`,
    );
    return rows.map(toMember);
  }

  async currentMembers(): Promise<TeamMember[]> {
    const rows: MemberRow[] = await this.manager().query(
      `select member_id, structure_id, profession, roles, site_ids, referent_id, backup_referent_id, left_at
       from team_member where left_at is null order by structure_id, member_id`,
    );
    return rows.map(toMember);
  }

  async siteStructure(siteId: string): Promise<string | null> {
    const [row]: Array<{ structure_id: string }> = await this.manager().query(
      `select structure_id from site_ref where site_id = $1`,
      [siteId],
    );
    return row?.structure_id ?? null;
  }

  /** Neither a member (even one who left) nor a site: the copy was never fed. */
  async isEmpty(): Promise<boolean> {
    const [row]: Array<{ empty: boolean }> = await this.manager().query(
      `select not exists (select 1 from team_member) and not exists (select 1 from site_ref) as empty`,
    );
    return row.empty;
  }

  async upsertAbsence(absenceId: string, memberId: string, startsAt: Date, endsAt: Date): Promise<void> {
    // An end applied before (a replay of the declaration after it) is kept: the shorter end is the later fact.
    await this.manager().query(
      `insert into member_absence (absence_id, member_id, starts_at, ends_at) values ($1, $2, $3, $4)
       on conflict (absence_id) do update
         set member_id = excluded.member_id, starts_at = excluded.starts_at,
             ends_at = least(member_absence.ends_at, excluded.ends_at)`,
      [absenceId, memberId, startsAt, endsAt],
    );
  }

  async endAbsence(absenceId: string, memberId: string, endsAt: Date): Promise<void> {
    // Ended before its declaration arrived: an empty absence that the declaration, when it comes, cannot lengthen.
    await this.manager().query(
      `insert into member_absence (absence_id, member_id, starts_at, ends_at) values ($1, $2, $3, $3)
       on conflict (absence_id) do update set ends_at = least(member_absence.ends_at, excluded.ends_at)`,
      [absenceId, memberId, endsAt],
    );
  }

  /** Away at `at`: an absence with starts_at <= at < ends_at. */
  async awayAt(memberIds: string[], at: Date): Promise<Set<string>> {
    if (memberIds.length === 0) return new Set();
    const rows: Array<{ member_id: string }> = await this.manager().query(
      `select distinct member_id from member_absence
       where member_id = any($1::uuid[]) and starts_at <= $2 and ends_at > $2`,
      [memberIds, at],
    );
    return new Set(rows.map((r) => r.member_id));
  }

  async allAwayAt(at: Date): Promise<string[]> {
    const rows: Array<{ member_id: string }> = await this.manager().query(
      `select distinct member_id from member_absence where starts_at <= $1 and ends_at > $1 order by member_id`,
      [at],
    );
    return rows.map((r) => r.member_id);
  }

  /** Joins the event's transaction (the inbox's) when there is one. */
  private manager(): EntityManager {
    return activeManager() ?? this.db.manager;
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { activeManager, requireActiveManager } from '@msp/persistence';

export interface ProjectedMember {
  memberId: string;
  structureId: string;
  profession: string;
  roles: string[];
  siteIds: string[];
}

export interface ProjectedSite {
  siteId: string;
  structureId: string;
  timeZone: string;
}

/** How far the directory projection has got: members, sites, and member sites not projected yet. */
export interface ProjectionProgress {
  members: number;
  sites: number;
  missingSites: number;
}

/** Any fixed number, the same for every replica; distinct from the migration lock's and the directory's. */
const DEMO_AGENDA_LOCK_KEY = 727_274_102;

/** The directory as scheduling's projection holds it (`team_member`, `site_ref`), for the demo loader. */
@Injectable()
export class TeamSnapshotRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inside a transaction, its connection: the loader reads the team while it holds the demo lock. */
  private get db(): EntityManager {
    return activeManager() ?? this.dataSource.manager;
  }

  async progress(): Promise<ProjectionProgress> {
    const [row]: Array<{ members: string; sites: string; missing_sites: string }> = await this.db.query(
      `select (select count(*) from team_member where left_at is null) as members,
              (select count(*) from site_ref) as sites,
              (select count(*) from (select distinct unnest(site_ids) as site_id from team_member where left_at is null) s
                where not exists (select 1 from site_ref r where r.site_id = s.site_id)) as missing_sites`,
    );
    return { members: Number(row.members), sites: Number(row.sites), missingSites: Number(row.missing_sites) };
  }

  /** One replica at a time gives demo agendas, until its transaction ends. */
  async lockForDemoAgendas(): Promise<void> {
    await requireActiveManager('Loading demo agendas').query('select pg_advisory_xact_lock($1)', [
      DEMO_AGENDA_LOCK_KEY,
    ]);
  }

  async structuresWithMotifs(): Promise<string[]> {
    const rows: Array<{ structure_id: string }> = await this.db.query('select distinct structure_id from motif');
    return rows.map((row) => row.structure_id);
  }

  async anyMotif(): Promise<boolean> {
    const [{ present }]: Array<{ present: boolean }> = await this.db.query(
      'select exists (select 1 from motif) as present',
    );
    return present;
  }

  async sites(): Promise<ProjectedSite[]> {
    const rows: Array<{ site_id: string; structure_id: string; time_zone: string }> = await this.db.query(
      `select site_id, structure_id, time_zone from site_ref order by structure_id, site_id`,
    );
    return rows.map((row) => ({ siteId: row.site_id, structureId: row.structure_id, timeZone: row.time_zone }));
  }

  async members(): Promise<ProjectedMember[]> {
    const rows: Array<{
      member_id: string;
      structure_id: string;
      profession: string;
      roles: string[];
      site_ids: string[];
    }> = await this.db.query(
      `select member_id, structure_id, profession, roles, site_ids from team_member where left_at is null order by structure_id, profession, member_id`,
    );
    return rows.map((row) => ({
      memberId: row.member_id,
      structureId: row.structure_id,
      profession: row.profession,
      roles: row.roles,
      siteIds: row.site_ids,
    }));
  }
}

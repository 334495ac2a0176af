import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DemoMonthRepository, type DemoMonthSummary } from '../../application/ports/demo-month.repository';

/** The demo month's marker and reads, over call routing's own tables. */
@Injectable()
export class TypeOrmDemoMonthRepository implements DemoMonthRepository {
  constructor(private readonly db: DataSource) {}

  async finished(): Promise<string[]> {
    const rows: Array<{ structure_id: string }> = await this.db.query(
      `select structure_id from demo_month_play where finished_at is not null`,
    );
    return rows.map((r) => r.structure_id);
  }

  async claim(structureId: string, month: string, claimant: string, now: Date, leaseMs: number): Promise<boolean> {
    // One statement: of two instances claiming together, the row lock lets one insert or update and the other's
    // condition then sees the fresh heartbeat.
    const rows: unknown[] = await this.db.query(
      `insert into demo_month_play (structure_id, month, claimed_by, claimed_at, heartbeat_at)
       values ($1, $2, $3, $4, $4)
       on conflict (structure_id) do update
         set claimed_by = excluded.claimed_by, claimed_at = excluded.claimed_at, heartbeat_at = excluded.heartbeat_at
         where demo_month_play.finished_at is null
           and (demo_month_play.claimed_by = excluded.claimed_by
                or demo_month_play.heartbeat_at < excluded.heartbeat_at - $5::interval)
       returning structure_id`,
      [structureId, month, claimant, now, `${leaseMs} milliseconds`],
    );
    return rows.length === 1;
  }

  async heartbeat(structureId: string, claimant: string, now: Date): Promise<void> {
    await this.db.query(
      `update demo_month_play set heartbeat_at = $3 where structure_id = $1 and claimed_by = $2 and finished_at is null`,
      [structureId, claimant, now],
    );
  }

  async finish(structureId: string, claimant: string, now: Date, summary: DemoMonthSummary): Promise<void> {
    await this.db.query(
      `update demo_month_play set finished_at = $3, heartbeat_at = $3, summary = $4
       where structure_id = $1 and claimed_by = $2 and finished_at is null`,
      [structureId, claimant, now, JSON.stringify(summary)],
    );
  }

  async generalPractitioners(structureId: string): Promise<Array<{ memberId: string; siteIds: string[] }>> {
    const rows: Array<{ member_id: string; site_ids: string[] }> = await this.db.query(
      `select member_id, site_ids::text[] as site_ids from team_member
       where structure_id = $1 and profession = 'general_practitioner' and left_at is null
       order by member_id`,
      [structureId],
    );
    return rows.map((r) => ({ memberId: r.member_id, siteIds: r.site_ids }));
  }

  async consultationsStarted(practitionerIds: readonly string[], from: Date, to: Date): Promise<number> {
    if (practitionerIds.length === 0) return 0;
    const [row]: Array<{ n: number }> = await this.db.query(
      `select count(*)::int as n from consultation_presence
       where practitioner_id = any($1::uuid[]) and started_at >= $2 and started_at < $3`,
      [practitionerIds, from, to],
    );
    return row.n;
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The demo month: the sites of each member in the directory copy (a patient calls the site where their GP works), and
 * the marker, one row per structure whose month of calls was played, or is being played.
 */
export class DemoMonth1764500002000 implements MigrationInterface {
  name = 'DemoMonth1764500002000';

  async up(db: QueryRunner): Promise<void> {
    // Members copied before this column existed keep an empty list until their next event: "all the structure's sites".
    await db.query(`alter table team_member add column site_ids uuid[] not null default '{}'`);
    // A claim is held while its heartbeat is recent: an instance that dies mid-play lets another take over, which
    // resumes without doubling (the calls' provider ids are the plan's, and each call step is applied once).
    await db.query(`
      create table demo_month_play (
        structure_id uuid primary key,
        month text not null,
        claimed_by uuid not null,
        claimed_at timestamptz not null,
        heartbeat_at timestamptz not null,
        finished_at timestamptz,
        summary jsonb
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table demo_month_play`);
    await db.query(`alter table team_member drop column site_ids`);
  }
}

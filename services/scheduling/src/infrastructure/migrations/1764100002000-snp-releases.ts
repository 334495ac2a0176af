import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which SNP releases were announced: one row per practitioner, local day, release instant (and structure) (SCH-4). */
export class SnpReleases1764100002000 implements MigrationInterface {
  name = 'SnpReleases1764100002000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table snp_release (
        practitioner_id uuid not null,
        slot_date date not null,
        released_at timestamptz not null,
        structure_id uuid not null,
        site_ids uuid[] not null,
        opening_range_ids uuid[] not null,
        recorded_at timestamptz not null default now(),
        primary key (practitioner_id, slot_date, released_at, structure_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table snp_release`);
  }
}

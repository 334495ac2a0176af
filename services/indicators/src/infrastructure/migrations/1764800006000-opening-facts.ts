import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scheduling's opening ranges and absences, for the opening amplitude and the SNP capacity. A range row is keyed by its
 * id: its definition comes from `opening-ranges.changed` (`defined_at`, the latest definition wins; null until an event
 * describing the range is seen — older events carry ids only), `removed_at` from the earliest removal. An absence row
 * keeps its declared span and the earlier end an `absence.ended` gave it (the latest such event wins).
 */
export class OpeningFacts1764800006000 implements MigrationInterface {
  name = 'OpeningFacts1764800006000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table opening_range_fact (
        opening_range_id uuid primary key,
        structure_id uuid not null,
        practitioner_id uuid not null,
        site_id uuid not null,
        time_zone text,
        recurrence text,
        start_time text,
        end_time text,
        valid_from date,
        valid_until date,
        snp_share double precision,
        snp_slot_minutes integer,
        snp_slot_buffer_minutes integer,
        defined_at timestamptz,
        removed_at timestamptz
      )`);
    await db.query(`create index opening_range_fact_structure_idx on opening_range_fact (structure_id, valid_from)`);
    await db.query(`
      create table absence_fact (
        absence_id uuid primary key,
        structure_id uuid not null,
        practitioner_id uuid not null,
        starts_at timestamptz,
        ends_at timestamptz,
        declared_at timestamptz,
        ended_ends_at timestamptz,
        ended_at timestamptz
      )`);
    await db.query(`create index absence_fact_practitioner_idx on absence_fact (practitioner_id, starts_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['absence_fact', 'opening_range_fact']) await db.query(`drop table ${table}`);
  }
}

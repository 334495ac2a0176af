import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The facts the ACI's computed criteria need beyond the operational ones: each case reviewed in a meeting whose minutes
 * closed (the patient as an opaque id, never a name), and when a protocol was retired — a retired protocol no longer
 * counts among those the structure has.
 */
export class AciFacts1764800007000 implements MigrationInterface {
  name = 'AciFacts1764800007000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table case_review_fact (
        case_id uuid primary key,
        structure_id uuid not null,
        meeting_id uuid not null,
        patient_id uuid not null,
        pluriprofessional boolean not null,
        reviewed_at timestamptz not null
      )`);
    await db.query(`create index case_review_fact_period_idx on case_review_fact (structure_id, reviewed_at)`);
    await db.query(`
      create table protocol_retirement_fact (
        protocol_id uuid primary key,
        structure_id uuid not null,
        retired_at timestamptz not null
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table protocol_retirement_fact`);
    await db.query(`drop table case_review_fact`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What people give the service beside the events: numerators and denominators imported from a file or declared with
 * their evidence (`indicator_input`, one row per structure, practitioner, indicator and period, keeping its
 * provenance), the values an administrator set where the catalogue says "à compléter" (`structure_indicator_setting`)
 * and the audit of every such change. `practitioner_member.rpps` maps an imported RPPS to a member.
 */
export class IndicatorInputs1764800005000 implements MigrationInterface {
  name = 'IndicatorInputs1764800005000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table practitioner_member add column rpps text`);
    await db.query(`create index practitioner_member_rpps_idx on practitioner_member (structure_id, rpps)`);
    // A structure's own value has no practitioner: "nulls not distinct" keeps one such row per indicator and period.
    await db.query(`
      create table indicator_input (
        structure_id uuid not null,
        practitioner_id uuid,
        indicator_code text not null,
        period text not null,
        period_start date not null,
        period_end date not null,
        catalogue text not null,
        catalogue_version text not null,
        numerator double precision,
        denominator double precision,
        flag boolean,
        origin text not null check (origin in ('imported', 'declared')),
        file_name text,
        file_sha256 text,
        file_line integer,
        evidence_reference text,
        recorded_by uuid not null,
        recorded_at timestamptz not null,
        constraint indicator_input_one_value unique nulls not distinct
          (structure_id, practitioner_id, indicator_code, period)
      )`);
    await db.query(
      `create index indicator_input_period_idx on indicator_input (structure_id, period_start, period_end)`,
    );
    await db.query(`
      create table structure_indicator_setting (
        structure_id uuid not null,
        catalogue text not null,
        indicator_code text not null,
        field text not null,
        value double precision not null,
        source text not null,
        set_by uuid not null,
        set_at timestamptz not null,
        primary key (structure_id, catalogue, indicator_code, field)
      )`);
    await db.query(`
      create table indicator_setting_audit (
        id bigserial primary key,
        structure_id uuid not null,
        catalogue text not null,
        indicator_code text not null,
        field text not null,
        old_value double precision,
        old_source text,
        new_value double precision not null,
        source text not null,
        changed_by uuid not null,
        changed_at timestamptz not null
      )`);
    await db.query(`create index indicator_setting_audit_idx on indicator_setting_audit (structure_id, changed_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['indicator_setting_audit', 'structure_indicator_setting', 'indicator_input'])
      await db.query(`drop table ${table}`);
    await db.query(`alter table practitioner_member drop column rpps`);
  }
}

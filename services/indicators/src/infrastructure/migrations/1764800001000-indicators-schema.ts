import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Facts copied from the other services' events, one row per source aggregate (appointment, call, task, meeting,
 * protocol, decision), upserted by its id and kept only when at least as recent as the row (`*_at` of the event
 * itself): replaying a stream, or reading it in another interleaving of its partitions, ends on the same rows.
 * Indicators are computed from these rows when asked; `indicator_value` keeps the last value announced per month,
 * to publish a change once.
 */
export class IndicatorsSchema1764800001000 implements MigrationInterface {
  name = 'IndicatorsSchema1764800001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table site_zone (
        site_id uuid primary key,
        structure_id uuid not null,
        time_zone text not null,
        updated_at timestamptz not null
      )`);
    await db.query(`
      create table practitioner_member (
        member_id uuid not null,
        structure_id uuid not null,
        profession text not null,
        roles text[] not null,
        left_at timestamptz,
        updated_at timestamptz not null,
        primary key (member_id, structure_id)
      )`);
    await db.query(`
      create table appointment_fact (
        appointment_id uuid primary key,
        structure_id uuid not null,
        site_id uuid,
        practitioner_id uuid not null,
        starts_at timestamptz not null,
        outcome text not null check (outcome in ('completed', 'no_show', 'cancelled')),
        fact_at timestamptz not null
      )`);
    await db.query(`create index appointment_fact_period_idx on appointment_fact (structure_id, starts_at)`);
    await db.query(`
      create table call_fact (
        call_id uuid primary key,
        structure_id uuid not null,
        site_id uuid not null,
        practitioner_id uuid,
        received_at timestamptz,
        routed_at timestamptz,
        practitioner_status text,
        interrupts_consultation boolean,
        message_taken_at timestamptz,
        ended_at timestamptz,
        outcome text,
        handled_without_human boolean
      )`);
    await db.query(
      `create index call_fact_period_idx on call_fact (structure_id, (coalesce(received_at, routed_at, ended_at)))`,
    );
    await db.query(`
      create table task_fact (
        task_id uuid primary key,
        structure_id uuid not null,
        site_id uuid,
        physician_id uuid,
        delegated boolean not null,
        standard_minutes integer not null,
        completed_at timestamptz not null
      )`);
    await db.query(`create index task_fact_period_idx on task_fact (structure_id, completed_at)`);
    await db.query(`
      create table meeting_fact (
        meeting_id uuid primary key,
        structure_id uuid not null,
        site_id uuid,
        starts_at timestamptz not null,
        held_at timestamptz,
        pluriprofessional boolean,
        attendance_at timestamptz,
        cancelled_at timestamptz
      )`);
    await db.query(`
      create table protocol_fact (
        protocol_id uuid primary key,
        structure_id uuid not null,
        adopted_at timestamptz,
        pluriprofessional boolean,
        updated_at timestamptz
      )`);
    await db.query(`
      create table protocol_decision_fact (
        decision_id uuid primary key,
        structure_id uuid not null,
        protocol_id uuid not null,
        recorded_at timestamptz not null
      )`);
    // '' is the structure's own value: a primary key cannot hold null.
    await db.query(`
      create table indicator_value (
        structure_id uuid not null,
        practitioner_key text not null,
        indicator_code text not null,
        period text not null,
        level double precision,
        numerator double precision not null,
        denominator double precision,
        computed_at timestamptz not null,
        primary key (structure_id, practitioner_key, indicator_code, period)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'indicator_value',
      'protocol_decision_fact',
      'protocol_fact',
      'meeting_fact',
      'task_fact',
      'call_fact',
      'appointment_fact',
      'practitioner_member',
      'site_zone',
    ])
      await db.query(`drop table ${table}`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SchedulingSchema1764000001000 implements MigrationInterface {
  name = 'SchedulingSchema1764000001000';

  async up(db: QueryRunner): Promise<void> {
    // btree_gist lets uuid equality share a GiST index with a time-range overlap (exclusion constraint, exception lookups).
    await db.query(`create extension if not exists btree_gist`);
    await db.query(`
      create table site_ref (
        site_id uuid primary key,
        structure_id uuid not null,
        time_zone text not null,
        updated_at timestamptz not null default now()
      )`);
    await db.query(`
      create table team_member (
        member_id uuid not null,
        structure_id uuid not null,
        profession text not null,
        roles text[] not null default '{}',
        site_ids uuid[] not null default '{}',
        left_at timestamptz,
        updated_at timestamptz not null default now(),
        primary key (member_id, structure_id)
      )`);
    await db.query(`create index team_member_structure_idx on team_member (structure_id) where left_at is null`);
    await db.query(`
      create table motif (
        id uuid primary key,
        structure_id uuid not null,
        practitioner_id uuid,
        label text not null,
        duration_minutes integer not null check (duration_minutes > 0),
        channel text not null check (channel in ('cabinet', 'home_visit', 'teleconsultation')),
        bookable_by text[] not null check (bookable_by <@ array['staff', 'online', 'virtual_secretary'] and cardinality(bookable_by) > 0),
        new_patients_allowed boolean not null,
        buffer_after_minutes integer not null default 0 check (buffer_after_minutes >= 0),
        min_notice_minutes integer not null default 0 check (min_notice_minutes >= 0),
        max_horizon_days integer not null default 90 check (max_horizon_days > 0),
        created_at timestamptz not null default now()
      )`);
    await db.query(`create index motif_structure_idx on motif (structure_id)`);
    await db.query(`
      create table opening_range (
        id uuid primary key,
        structure_id uuid not null,
        practitioner_id uuid not null,
        site_id uuid not null references site_ref (site_id),
        recurrence text not null,
        start_time text not null,
        end_time text not null check (end_time > start_time),
        valid_from date not null,
        valid_until date check (valid_until >= valid_from),
        motif_ids uuid[] not null default '{}',
        snp_share double precision not null default 0 check (snp_share between 0 and 1),
        snp_release_days_before integer not null default 1,
        snp_release_at text not null default '18:00',
        created_at timestamptz not null default now()
      )`);
    await db.query(`create index opening_range_practitioner_idx on opening_range (practitioner_id, site_id)`);
    await db.query(`create index opening_range_structure_idx on opening_range (structure_id)`);
    await db.query(`
      create table schedule_exception (
        id uuid primary key,
        structure_id uuid not null,
        practitioner_id uuid not null,
        kind text not null check (kind in ('absence', 'holiday', 'training', 'blocked')),
        starts_at timestamptz not null,
        ends_at timestamptz not null check (ends_at > starts_at),
        declared_by text not null,
        created_at timestamptz not null default now()
      )`);
    await db.query(
      `create index schedule_exception_practitioner_idx on schedule_exception using gist (practitioner_id, tstzrange(starts_at, ends_at, '[)'))`,
    );
    await db.query(`
      create table appointment (
        id uuid primary key,
        structure_id uuid not null,
        site_id uuid not null,
        practitioner_id uuid not null,
        patient_id uuid,
        motif_id uuid not null references motif (id),
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        status text not null check (status in ('booked', 'held', 'confirmed', 'arrived', 'in_consultation', 'done', 'no_show', 'cancelled')),
        hold_expires_at timestamptz,
        booked_by text not null check (booked_by in ('staff', 'online', 'virtual_secretary')),
        booked_by_actor text not null,
        cancelled_by text,
        cancel_reason text,
        cancelled_at timestamptz,
        created_at timestamptz not null default now(),
        constraint appointment_range_check check (ends_at > starts_at),
        constraint appointment_hold_check check (status <> 'held' or hold_expires_at is not null),
        constraint appointment_patient_check check (patient_id is not null or status in ('held', 'cancelled'))
      )`);
    // Never two live appointments (or holds) in one practitioner's time, whatever the code does: the database
    // refuses the second with 23P01.
    await db.query(`
      alter table appointment add constraint appointment_no_overlap
        exclude using gist (practitioner_id with =, tstzrange(starts_at, ends_at, '[)') with &&)
        where (status <> 'cancelled')`);
    await db.query(`create index appointment_structure_idx on appointment (structure_id, starts_at)`);
    await db.query(`create index appointment_patient_idx on appointment (patient_id) where patient_id is not null`);
    await db.query(`create index appointment_hold_expiry_idx on appointment (hold_expires_at) where status = 'held'`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['appointment', 'schedule_exception', 'opening_range', 'motif', 'team_member', 'site_ref'])
      await db.query(`drop table ${table}`);
  }
}

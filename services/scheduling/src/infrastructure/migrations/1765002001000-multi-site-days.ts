import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Multi-site days (SCH-11, issue 14 item 4; ADR 0018).
 *
 * `site_travel_time`: the minutes kept free between two sites of a structure (one row per unordered pair, `site_a` the
 * smaller id), set by the structure's administrators; no row is no travel.
 *
 * `room`: consultation rooms and equipment of a site; archived, never deleted (past appointments keep naming it).
 * `motif_room_requirement`: the kind of room and the equipment a motif needs (a motif without a row needs none).
 *
 * `appointment.room_id` and `appointment_room_no_overlap`: a room is booked with the appointment, and the database
 * refuses a second live appointment or hold in the same room at the same time, exactly as `appointment_no_overlap`
 * does for a practitioner — whatever code path books, and under concurrency.
 */
export class MultiSiteDays1765002001000 implements MigrationInterface {
  name = 'MultiSiteDays1765002001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table site_travel_time (
        structure_id uuid not null,
        site_a uuid not null references site_ref (site_id),
        site_b uuid not null references site_ref (site_id),
        minutes integer not null check (minutes between 1 and 240),
        updated_by text not null,
        updated_at timestamptz not null,
        primary key (site_a, site_b),
        constraint site_travel_time_pair_check check (site_a < site_b)
      )`);
    await db.query(`create index site_travel_time_structure_idx on site_travel_time (structure_id)`);
    await db.query(`
      create table room (
        id uuid primary key,
        structure_id uuid not null,
        site_id uuid not null references site_ref (site_id),
        label text not null,
        kind text not null,
        equipment text[] not null default '{}',
        archived_at timestamptz,
        created_at timestamptz not null
      )`);
    await db.query(`create index room_site_idx on room (site_id) where archived_at is null`);
    await db.query(`
      create table motif_room_requirement (
        motif_id uuid primary key references motif (id),
        room_kind text,
        equipment text[] not null default '{}',
        updated_at timestamptz not null,
        constraint motif_room_requirement_some_check check (room_kind is not null or cardinality(equipment) > 0)
      )`);
    await db.query(`alter table appointment add column room_id uuid references room (id)`);
    await db.query(`
      alter table appointment add constraint appointment_room_no_overlap
        exclude using gist (room_id with =, tstzrange(starts_at, ends_at, '[)') with &&)
        where (status <> 'cancelled' and room_id is not null)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`alter table appointment drop constraint appointment_room_no_overlap`);
    await db.query(`alter table appointment drop column room_id`);
    for (const table of ['motif_room_requirement', 'room', 'site_travel_time']) await db.query(`drop table ${table}`);
  }
}

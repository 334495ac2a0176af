import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Opening ranges and motifs change over time (issue 14, SCH-1/2). `version` on both: an edit names the version it was
 * made from, so two edits of the same row cannot both apply (the second is refused, not silently merged). A range
 * edited from a date is ended the day before and continued by a new row (`replaces`), so the past keeps the range as
 * it was. A motif is archived, never deleted: its appointments keep reading it. `appointment_outside_range` lists the
 * live appointments a change left outside every opening range, until staff keep, move or cancel each one.
 */
export class OpeningRangeChanges1765001001000 implements MigrationInterface {
  name = 'OpeningRangeChanges1765001001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table opening_range add column version integer not null default 1`);
    await db.query(`alter table opening_range add column replaces uuid references opening_range (id)`);
    await db.query(`alter table motif add column version integer not null default 1`);
    await db.query(`alter table motif add column archived_at timestamptz`);
    await db.query(`
      create table appointment_outside_range (
        appointment_id uuid primary key references appointment (id) on delete cascade,
        structure_id uuid not null,
        practitioner_id uuid not null,
        site_id uuid not null,
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        opening_range_id uuid not null,
        listed_at timestamptz not null,
        decision text check (decision in ('kept', 'moved', 'cancelled')),
        decided_by uuid,
        decided_at timestamptz
      )`);
    await db.query(
      `create index appointment_outside_range_open_idx on appointment_outside_range (structure_id, starts_at)
        where decision is null`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table appointment_outside_range`);
    await db.query(`alter table motif drop column archived_at, drop column version`);
    await db.query(`alter table opening_range drop column replaces, drop column version`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Patients waiting for an earlier slot, and the offers of freed slots made to them (SCH-9). */
export class Waitlist1764100004000 implements MigrationInterface {
  name = 'Waitlist1764100004000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table waitlist_entry (
        id uuid primary key,
        structure_id uuid not null,
        patient_id uuid not null,
        motif_id uuid not null references motif (id),
        practitioner_id uuid,
        profession text,
        before_date date not null,
        status text not null default 'waiting' check (status in ('waiting', 'offered', 'booked', 'withdrawn')),
        created_by text not null,
        created_at timestamptz not null default now(),
        constraint waitlist_entry_target_check check (practitioner_id is not null or profession is not null)
      )`);
    await db.query(
      `create index waitlist_entry_waiting_idx on waitlist_entry (structure_id, created_at) where status = 'waiting'`,
    );
    await db.query(`
      create table waitlist_offer (
        id uuid primary key,
        entry_id uuid not null references waitlist_entry (id),
        hold_id uuid not null unique references appointment (id),
        practitioner_id uuid not null,
        site_id uuid not null,
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        expires_at timestamptz not null,
        status text not null default 'open' check (status in ('open', 'accepted', 'declined', 'expired')),
        created_at timestamptz not null default now()
      )`);
    await db.query(`create index waitlist_offer_slot_idx on waitlist_offer (practitioner_id, starts_at)`);
    await db.query(
      `create unique index waitlist_offer_one_open_idx on waitlist_offer (entry_id) where status = 'open'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['waitlist_offer', 'waitlist_entry']) await db.query(`drop table ${table}`);
  }
}

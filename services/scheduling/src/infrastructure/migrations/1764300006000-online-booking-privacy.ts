import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Online booking privacy (issue 8, item 6): every online booking is a request staff confirm, whatever the directory
 * answered — `identity` says what it answered (for staff only), `patient_id` the matched patient (an opaque id); and
 * the public rate limit's counters, shared by every replica.
 */
export class OnlineBookingPrivacy1764300006000 implements MigrationInterface {
  name = 'OnlineBookingPrivacy1764300006000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table online_booking_request
        add column identity text not null default 'new_patient'
          check (identity in ('known_patient', 'new_patient', 'unknown_patient')),
        add column patient_id uuid,
        add constraint online_booking_request_known_has_patient check ((identity = 'known_patient') = (patient_id is not null))`);
    await db.query(`alter table online_booking_request alter column identity drop default`);
    await db.query(
      `create index online_booking_request_purge_idx on online_booking_request (created_at) where status <> 'confirmed'`,
    );
    // Fixed windows per (limit, client address hash): one atomic upsert per hit, whichever replica answers.
    await db.query(`
      create table public_rate_limit (
        key text primary key,
        hits integer not null,
        window_ends_at timestamptz not null
      )`);
    await db.query(`create index public_rate_limit_window_idx on public_rate_limit (window_ends_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table public_rate_limit`);
    await db.query(`drop index online_booking_request_purge_idx`);
    await db.query(`
      alter table online_booking_request drop constraint online_booking_request_known_has_patient,
        drop column patient_id, drop column identity`);
  }
}

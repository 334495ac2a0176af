import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Pending online bookings of new patients: a hold in the agenda, the identity kept by the directory (SCH-5). */
export class OnlineBookingRequests1764100001000 implements MigrationInterface {
  name = 'OnlineBookingRequests1764100001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table online_booking_request (
        id uuid primary key,
        structure_id uuid not null,
        hold_id uuid not null unique references appointment (id),
        registration_request_id uuid not null,
        status text not null default 'pending' check (status in ('pending', 'confirmed', 'rejected')),
        decided_by text,
        decided_at timestamptz,
        created_at timestamptz not null default now()
      )`);
    await db.query(
      `create index online_booking_request_pending_idx on online_booking_request (structure_id, created_at) where status = 'pending'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table online_booking_request`);
  }
}

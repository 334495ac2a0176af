import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A CPTS pools its members' released SNP slots (SCH-4): an appointment booked into another MSP's agenda keeps the MSP
 * that booked it, whose patient it is. The host structure's agenda shows the slot busy with that MSP and the motif; the
 * booking MSP finds its bookings by this column.
 */
export class PooledSnpBookings1765005002000 implements MigrationInterface {
  name = 'PooledSnpBookings1765005002000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table appointment add column booking_structure_id uuid`);
    await db.query(
      `create index appointment_booking_structure_idx on appointment (booking_structure_id, starts_at) where booking_structure_id is not null`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop index appointment_booking_structure_idx`);
    await db.query(`alter table appointment drop column booking_structure_id`);
  }
}

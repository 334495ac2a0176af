import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Months whose indicators a kept fact changed, waiting to be recomputed and announced. A fact marks its month in its
 * own inbox transaction; the recompute job takes marks a batch at a time, so a month that a thousand events touch is
 * computed once, not a thousand times.
 */
export class RecomputeQueue1764800008000 implements MigrationInterface {
  name = 'RecomputeQueue1764800008000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table indicator_recompute_pending (
        structure_id uuid not null,
        month text not null check (month ~ '^[0-9]{4}-[0-9]{2}$'),
        marked_at timestamptz not null default now(),
        primary key (structure_id, month)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('drop table indicator_recompute_pending');
  }
}

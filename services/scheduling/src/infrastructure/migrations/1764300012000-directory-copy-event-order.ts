import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The time of the last directory event applied to each row of scheduling's copy, so that an older event delivered
 * late (a dead letter replayed, a redelivery after a rebalance) never undoes a newer one. Null: the row comes from a
 * snapshot (the rebuild at boot, demo or test seeding), which any event supersedes.
 */
export class DirectoryCopyEventOrder1764300012000 implements MigrationInterface {
  name = 'DirectoryCopyEventOrder1764300012000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table site_ref add column last_event_at timestamptz`);
    await db.query(`alter table team_member add column last_event_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`alter table team_member drop column last_event_at`);
    await db.query(`alter table site_ref drop column last_event_at`);
  }
}

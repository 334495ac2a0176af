import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How far a series' occurrences were written. Extending starts there, not at the first free start: an occurrence
 * moved by hand leaves its original start empty, and the sweep must not place it again.
 */
export class SeriesMaterialisedUntil1764700002000 implements MigrationInterface {
  name = 'SeriesMaterialisedUntil1764700002000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table meeting_series add column materialised_until timestamptz`);
    await db.query(
      `create index meeting_series_extension_idx on meeting_series (materialised_until) where ended_at is null`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop index meeting_series_extension_idx`);
    await db.query(`alter table meeting_series drop column materialised_until`);
  }
}

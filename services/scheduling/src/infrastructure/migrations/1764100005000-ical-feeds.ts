import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Secret calendar feed URLs per practitioner; only a SHA-256 of each token is kept (SCH-10). */
export class IcalFeeds1764100005000 implements MigrationInterface {
  name = 'IcalFeeds1764100005000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table ical_feed (
        id uuid primary key,
        practitioner_id uuid not null,
        token_hash text not null unique,
        created_at timestamptz not null default now(),
        revoked_at timestamptz
      )`);
    await db.query(`create index ical_feed_practitioner_idx on ical_feed (practitioner_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table ical_feed`);
  }
}

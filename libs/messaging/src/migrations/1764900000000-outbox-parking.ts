import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Parked outbox rows: a row Kafka rejects for good (topic missing, message too large) is set aside with its reason
 * instead of blocking every later event; later rows of the same aggregate (topic and key) are parked behind it so that
 * the aggregate's order holds. An operator fixes the cause and un-parks them together (see libs/messaging/README.md).
 */
export class OutboxParking1764900000000 implements MigrationInterface {
  name = 'OutboxParking1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table outbox_message add column parked_at timestamptz, add column park_reason text`);
    await db.query(`drop index outbox_message_unsent_idx`);
    await db.query(
      `create index outbox_message_unsent_idx on outbox_message (position) where sent_at is null and parked_at is null`,
    );
    await db.query(
      `create index outbox_message_parked_idx on outbox_message (topic, message_key, position) where parked_at is not null`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('drop index outbox_message_parked_idx');
    await db.query('drop index outbox_message_unsent_idx');
    await db.query(`create index outbox_message_unsent_idx on outbox_message (position) where sent_at is null`);
    await db.query('alter table outbox_message drop column parked_at, drop column park_reason');
  }
}

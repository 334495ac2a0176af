import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbox and inbox tables every event-producing or event-consuming service database holds. */
export class MessagingTables1763900000000 implements MigrationInterface {
  name = 'MessagingTables1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table outbox_message (
        position bigserial primary key,
        event_id uuid not null unique,
        topic text not null,
        message_key text not null,
        event_type text not null,
        headers jsonb not null,
        payload text not null,
        created_at timestamptz not null default now(),
        sent_at timestamptz
      )`);
    await db.query(`create index outbox_message_unsent_idx on outbox_message (position) where sent_at is null`);
    // Wakes the relay as soon as a transaction that wrote events commits (NOTIFY is delivered on commit only).
    await db.query(`
      create function outbox_message_notify() returns trigger language plpgsql as $$
      begin
        perform pg_notify('outbox_message', '');
        return null;
      end $$`);
    await db.query(`
      create trigger outbox_message_notify after insert on outbox_message
      for each statement execute function outbox_message_notify()`);
    await db.query(`
      create table inbox_message (
        consumer_group text not null,
        event_id text not null,
        event_type text not null,
        topic text not null,
        kafka_partition integer not null,
        kafka_offset bigint not null,
        processed_at timestamptz not null default now(),
        primary key (consumer_group, event_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('drop table inbox_message');
    await db.query('drop trigger outbox_message_notify on outbox_message');
    await db.query('drop function outbox_message_notify()');
    await db.query('drop table outbox_message');
  }
}

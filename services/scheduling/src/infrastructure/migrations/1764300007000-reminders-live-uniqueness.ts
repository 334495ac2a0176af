import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders (issue 8, item 7): one reminder per (appointment, rule, time) among live ones only — a cancelled row no
 * longer stops a reminder when consent is given again or an appointment comes back to its time; and a `sending` state
 * (claimed, leased until `next_attempt_at`) so that the send happens after the claim is committed, not inside it.
 */
export class RemindersLiveUniqueness1764300007000 implements MigrationInterface {
  name = 'RemindersLiveUniqueness1764300007000';

  async up(db: QueryRunner): Promise<void> {
    // The old unique key's name was shortened by PostgreSQL: found, not guessed.
    const [unique]: Array<{ name: string }> = await db.query(
      `select conname as name from pg_constraint where conrelid = 'notification_outbox'::regclass and contype = 'u'`,
    );
    if (unique) await db.query(`alter table notification_outbox drop constraint "${unique.name}"`);
    await db.query(`alter table notification_outbox drop constraint notification_outbox_status_check`);
    await db.query(
      `alter table notification_outbox add constraint notification_outbox_status_check
         check (status in ('scheduled', 'sending', 'sent', 'cancelled', 'failed', 'skipped'))`,
    );
    await db.query(
      `create unique index notification_outbox_live_idx on notification_outbox (appointment_id, rule, appointment_starts_at)
        where status in ('scheduled', 'sending', 'sent')`,
    );
    await db.query(`drop index notification_outbox_due_idx`);
    await db.query(
      `create index notification_outbox_due_idx on notification_outbox (next_attempt_at) where status in ('scheduled', 'sending')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop index notification_outbox_live_idx`);
    await db.query(`update notification_outbox set status = 'scheduled' where status = 'sending'`);
    await db.query(`alter table notification_outbox drop constraint notification_outbox_status_check`);
    await db.query(
      `alter table notification_outbox add constraint notification_outbox_status_check
         check (status in ('scheduled', 'sent', 'cancelled', 'failed', 'skipped'))`,
    );
    await db.query(`drop index notification_outbox_due_idx`);
    await db.query(
      `create index notification_outbox_due_idx on notification_outbox (next_attempt_at) where status = 'scheduled'`,
    );
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Messages that reach patients (issue 14, item 2): each structure's own texts for reminders and waitlist offers, the
 * waitlist offer as a second kind of the notification outbox, and the answer links of an offer — only the SHA-256 of
 * its token is kept on the offer; the token itself waits in its outbox row until the message has gone, then is erased.
 */
export class PatientMessages1765003001000 implements MigrationInterface {
  name = 'PatientMessages1765003001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table patient_message_template (
        structure_id uuid not null,
        kind text not null check (kind in ('appointment_reminder', 'waitlist_offer')),
        subject text not null,
        body text not null,
        sms text not null,
        updated_by text not null,
        updated_at timestamptz not null,
        primary key (structure_id, kind)
      )`);
    const [check]: Array<{ name: string }> = await db.query(
      `select conname as name from pg_constraint
        where conrelid = 'notification_outbox'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%kind%'`,
    );
    if (check) await db.query(`alter table notification_outbox drop constraint "${check.name}"`);
    await db.query(
      `alter table notification_outbox add constraint notification_outbox_kind_check
         check (kind in ('appointment_reminder', 'waitlist_offer'))`,
    );
    await db.query(`alter table notification_outbox add column waitlist_offer_id uuid references waitlist_offer (id)`);
    await db.query(`alter table notification_outbox add column link_token text`);
    await db.query(
      `alter table notification_outbox add constraint notification_outbox_offer_check
         check ((kind = 'waitlist_offer') = (waitlist_offer_id is not null))`,
    );
    await db.query(`alter table waitlist_offer add column answer_token_hash bytea`);
    await db.query(
      `create unique index waitlist_offer_answer_token_idx on waitlist_offer (answer_token_hash) where answer_token_hash is not null`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop index waitlist_offer_answer_token_idx`);
    await db.query(`alter table waitlist_offer drop column answer_token_hash`);
    await db.query(`delete from notification_outbox where kind = 'waitlist_offer'`);
    await db.query(`alter table notification_outbox drop constraint notification_outbox_offer_check`);
    await db.query(`alter table notification_outbox drop column link_token`);
    await db.query(`alter table notification_outbox drop column waitlist_offer_id`);
    await db.query(`alter table notification_outbox drop constraint notification_outbox_kind_check`);
    await db.query(
      `alter table notification_outbox add constraint notification_outbox_kind_check check (kind in ('appointment_reminder'))`,
    );
    await db.query(`drop table patient_message_template`);
  }
}

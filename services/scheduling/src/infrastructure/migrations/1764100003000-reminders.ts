import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reminder consent learnt from the directory, and the notification outbox the reminder job sends from (SCH-8). */
export class Reminders1764100003000 implements MigrationInterface {
  name = 'Reminders1764100003000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table patient_reminder_consent (
        patient_id uuid primary key,
        structure_id uuid not null,
        consent boolean not null,
        updated_at timestamptz not null default now()
      )`);
    await db.query(`
      create table notification_outbox (
        id uuid primary key,
        kind text not null check (kind in ('appointment_reminder')),
        appointment_id uuid not null references appointment (id),
        patient_id uuid not null,
        structure_id uuid not null,
        rule text not null,
        appointment_starts_at timestamptz not null,
        due_at timestamptz not null,
        status text not null default 'scheduled' check (status in ('scheduled', 'sent', 'cancelled', 'failed', 'skipped')),
        attempts integer not null default 0,
        next_attempt_at timestamptz not null,
        last_error text,
        provider text,
        provider_message_id text,
        sent_at timestamptz,
        created_at timestamptz not null default now(),
        unique (appointment_id, rule, appointment_starts_at)
      )`);
    await db.query(
      `create index notification_outbox_due_idx on notification_outbox (next_attempt_at) where status = 'scheduled'`,
    );
    await db.query(`create index notification_outbox_appointment_idx on notification_outbox (appointment_id)`);
    await db.query(
      `create index notification_outbox_patient_idx on notification_outbox (patient_id) where status = 'scheduled'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['notification_outbox', 'patient_reminder_consent']) await db.query(`drop table ${table}`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Lines, site settings, versioned rulebooks, the call journal, and the copies fed by the directory's and scheduling's events. */
export class CallRoutingSchema1764500001000 implements MigrationInterface {
  name = 'CallRoutingSchema1764500001000';

  async up(db: QueryRunner): Promise<void> {
    // Copies of other services' facts (ids, zones, hours only), upserted by id: order-safe.
    await db.query(`
      create table site_ref (
        site_id uuid primary key,
        structure_id uuid not null,
        time_zone text not null,
        opening_hours jsonb not null default '[]',
        updated_at timestamptz not null
      )`);
    await db.query(`
      create table team_member (
        member_id uuid not null,
        structure_id uuid not null,
        profession text not null,
        left_at timestamptz,
        updated_at timestamptz not null,
        primary key (member_id, structure_id)
      )`);
    // A consultation is open from consultation-started until completed / no-show / cancelled, whichever came first.
    await db.query(`
      create table consultation_presence (
        appointment_id uuid primary key,
        practitioner_id uuid not null,
        started_at timestamptz,
        ended_at timestamptz
      )`);
    // Statuses look for a consultation started in the last hours, ended or not yet.
    await db.query(`create index consultation_presence_idx on consultation_presence (practitioner_id, started_at)`);
    await db.query(`
      create table absence_presence (
        absence_id uuid primary key,
        practitioner_id uuid not null,
        starts_at timestamptz not null,
        ends_at timestamptz not null
      )`);
    await db.query(`create index absence_presence_idx on absence_presence (practitioner_id, ends_at)`);

    await db.query(`
      create table phone_line (
        id uuid primary key,
        structure_id uuid not null,
        site_id uuid not null,
        practitioner_id uuid,
        number text not null,
        desk_number text not null,
        label text not null,
        created_at timestamptz not null,
        removed_at timestamptz
      )`);
    // One live line per number across the platform: the number the provider calls names exactly one practice.
    await db.query(`create unique index phone_line_number_live on phone_line (number) where removed_at is null`);
    await db.query(`create index phone_line_structure_idx on phone_line (structure_id)`);

    await db.query(`
      create table site_call_settings (
        site_id uuid primary key,
        structure_id uuid not null,
        territory text not null,
        worked_holidays text[] not null default '{}',
        duty_roster uuid[] not null default '{}',
        remote_queue text,
        booking_motif_id uuid,
        updated_at timestamptz not null,
        updated_by uuid
      )`);

    await db.query(`
      create table rulebook_version (
        structure_id uuid not null,
        scope_kind text not null check (scope_kind in ('site', 'practitioner')),
        scope_id uuid not null,
        version integer not null check (version >= 1),
        document jsonb not null,
        changes jsonb not null,
        warnings jsonb not null,
        author_id uuid not null,
        created_at timestamptz not null,
        primary key (scope_kind, scope_id, version)
      )`);

    await db.query(`
      create table call (
        id uuid primary key,
        structure_id uuid not null,
        site_id uuid not null,
        line_id uuid not null references phone_line (id),
        provider text not null,
        provider_call_id text not null,
        caller_kind text not null,
        pass_through boolean not null default false,
        prefers_human boolean not null default false,
        patient_id uuid,
        practitioner_id uuid,
        started_at timestamptz not null,
        intent text,
        urgent boolean not null default false,
        decided_at timestamptz,
        action jsonb,
        rule_id text,
        rulebook_scope text,
        rulebook_version integer,
        practitioner_status text,
        interrupts_consultation boolean not null default false,
        explanation text,
        trace jsonb,
        step text not null default 'awaiting_intent',
        context jsonb not null default '{}',
        queued_at timestamptz,
        answered_at timestamptz,
        outcome text,
        message_reason text,
        ended_at timestamptz,
        duration_seconds integer,
        unique (provider, provider_call_id)
      )`);
    await db.query(`create index call_site_time_idx on call (site_id, started_at)`);
    await db.query(`create index call_practitioner_time_idx on call (practitioner_id, started_at)`);
    // The journal pages newest first by (started_at, id).
    await db.query(`create index call_structure_time_idx on call (structure_id, started_at desc, id desc)`);

    // Signatures of webhook requests already accepted, kept as long as their timestamp is acceptable: replays refused.
    await db.query(`
      create table webhook_replay (
        signature text primary key,
        expires_at timestamptz not null
      )`);
    await db.query(`create index webhook_replay_expiry_idx on webhook_replay (expires_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'webhook_replay',
      'call',
      'rulebook_version',
      'site_call_settings',
      'phone_line',
      'absence_presence',
      'consultation_presence',
      'team_member',
      'site_ref',
    ])
      await db.query(`drop table ${table}`);
  }
}

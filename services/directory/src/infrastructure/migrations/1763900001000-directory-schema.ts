import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DirectorySchema1763900001000 implements MigrationInterface {
  name = 'DirectorySchema1763900001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table structure (
        id uuid primary key,
        kind text not null check (kind in ('MSP', 'CPTS')),
        name text not null,
        finess text,
        cpts_id uuid references structure (id),
        created_at timestamptz not null default now()
      )`);
    await db.query(`
      create table site (
        id uuid primary key,
        structure_id uuid not null references structure (id),
        name text not null,
        address_line text not null,
        postal_code text not null,
        city text not null,
        phone_lines text[] not null default '{}',
        time_zone text not null,
        opening_hours jsonb not null default '[]',
        created_at timestamptz not null default now()
      )`);
    await db.query(`create index site_structure_idx on site (structure_id)`);
    await db.query(`
      create table member (
        id uuid primary key,
        first_name text not null,
        last_name text not null,
        email text not null,
        rpps text,
        profession text not null,
        created_at timestamptz not null default now()
      )`);
    // Uniqueness lives in the database so that two concurrent registrations cannot both win.
    await db.query(`create unique index member_email_key on member (lower(email))`);
    await db.query(`create unique index member_rpps_key on member (rpps) where rpps is not null`);
    await db.query(`
      create table membership (
        member_id uuid not null references member (id),
        structure_id uuid not null references structure (id),
        roles text[] not null,
        site_ids uuid[] not null default '{}',
        referent_id uuid references member (id),
        backup_referent_id uuid references member (id),
        joined_at timestamptz not null,
        left_at timestamptz,
        primary key (member_id, structure_id)
      )`);
    await db.query(`create index membership_structure_idx on membership (structure_id) where left_at is null`);
    await db.query(`
      create table patient (
        id uuid primary key,
        structure_id uuid not null references structure (id),
        first_name text not null,
        last_name text not null,
        search_name text not null,
        birth_date date not null,
        phone text,
        email text,
        consent_to_reminders boolean not null default false,
        medecin_traitant_id uuid references member (id),
        pass_through boolean not null default false,
        prefers_human boolean not null default false,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await db.query(`create index patient_search_idx on patient (structure_id, search_name text_pattern_ops)`);
    await db.query(`create index patient_phone_idx on patient (phone)`);
    await db.query(`create index patient_birth_idx on patient (structure_id, birth_date)`);
    await db.query(`
      create table patient_access_log (
        id bigserial primary key,
        at timestamptz not null default now(),
        member_id uuid not null,
        patient_id uuid not null,
        structure_id uuid not null,
        operation text not null
      )`);
    await db.query(`create index patient_access_log_structure_idx on patient_access_log (structure_id, at desc)`);
    await db.query(`create index patient_access_log_patient_idx on patient_access_log (patient_id, at desc)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['patient_access_log', 'patient', 'membership', 'member', 'site', 'structure'])
      await db.query(`drop table ${table}`);
  }
}

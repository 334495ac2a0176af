import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PatientRegistrationRequest1763900002000 implements MigrationInterface {
  name = 'PatientRegistrationRequest1763900002000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table patient_registration_request (
        id uuid primary key,
        structure_id uuid not null references structure (id),
        first_name text not null,
        last_name text not null,
        birth_date date not null,
        phone text not null,
        patient_id uuid references patient (id),
        created_at timestamptz not null default now()
      )`);
    await db.query(
      `create index patient_registration_request_structure_idx on patient_registration_request (structure_id, created_at)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table patient_registration_request`);
  }
}

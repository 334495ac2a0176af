import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ALD flag (affection de longue durée) of a patient, set by staff (`setPatientAld`), for the ACI concertation rule
 * coordination checks (COO-7). Who set or cleared it last and when stay beside it: the access log says that someone
 * touched the flag, not which value they left.
 */
export class PatientAld1763900004000 implements MigrationInterface {
  name = 'PatientAld1763900004000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table patient
        add column in_ald boolean not null default false,
        add column ald_changed_at timestamptz,
        add column ald_changed_by uuid references member (id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`alter table patient drop column ald_changed_by, drop column ald_changed_at, drop column in_ald`);
  }
}

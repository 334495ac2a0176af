import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A platform service may read a figure about a structure's patients as a whole (coordination's concertation
 * population: counts and opaque ids), logged as one row naming no patient. Only such a read, made by no member (the nil
 * UUID, as for online booking's self-service reads), may leave the patient out.
 */
export class AccessLogOfServiceReads1763900005000 implements MigrationInterface {
  name = 'AccessLogOfServiceReads1763900005000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table patient_access_log alter column patient_id drop not null`);
    await db.query(`
      alter table patient_access_log add constraint patient_access_log_patient_or_service_read
        check (patient_id is not null or member_id = '00000000-0000-0000-0000-000000000000')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`delete from patient_access_log where patient_id is null`);
    await db.query(`alter table patient_access_log drop constraint patient_access_log_patient_or_service_read`);
    await db.query(`alter table patient_access_log alter column patient_id set not null`);
  }
}

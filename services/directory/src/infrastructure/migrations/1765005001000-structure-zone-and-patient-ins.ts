import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Operators onboard a structure with its time zone (the default of the sites it opens: an overseas structure's sites
 * are not in Europe/Paris), and imports bring patients' INS (Identité nationale de santé: the 15-character matricule)
 * when the practice software has it. One INS is one person: a structure holds it once, which also closes the race of
 * two imports of the same file. A FINESS number is one establishment, so a structure holds it alone.
 */
export class StructureZoneAndPatientIns1765005001000 implements MigrationInterface {
  name = 'StructureZoneAndPatientIns1765005001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table structure add column time_zone text not null default 'Europe/Paris'`);
    await db.query(`create unique index structure_finess_key on structure (finess) where finess is not null`);
    await db.query(`alter table patient add column ins text`);
    await db.query(
      `create unique index patient_structure_ins_key on patient (structure_id, ins) where ins is not null`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop index patient_structure_ins_key`);
    await db.query(`alter table patient drop column ins`);
    await db.query(`drop index structure_finess_key`);
    await db.query(`alter table structure drop column time_zone`);
  }
}

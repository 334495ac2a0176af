import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live appointments by structure and by patient over a time range, as the shared views and `Patient.appointments` read
 * them (`tstzrange(starts_at, ends_at) && window`). The btree on (structure_id, starts_at) cannot serve a range overlap:
 * the week view scanned the whole of the practitioners' index for that week, every structure's appointments included
 * (13 ms at 700k appointments, 6 ms with this index), and a patient's coming year combined the patient index with
 * every live appointment of the year (29 ms for 20 patients at 200k appointments, 1.3 ms with this index).
 * docs/performance.md has the plans. By practitioner, the exclusion constraint's index already answers.
 */
export class AgendaReadIndexes1764400001000 implements MigrationInterface {
  name = 'AgendaReadIndexes1764400001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create index appointment_structure_time_idx on appointment
        using gist (structure_id, tstzrange(starts_at, ends_at, '[)')) where status <> 'cancelled'`);
    await db.query(`
      create index appointment_patient_time_idx on appointment
        using gist (patient_id, tstzrange(starts_at, ends_at, '[)')) where status <> 'cancelled'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop index appointment_patient_time_idx`);
    await db.query(`drop index appointment_structure_time_idx`);
  }
}

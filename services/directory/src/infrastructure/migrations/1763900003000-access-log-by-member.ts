import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access log filtered by reader (`patientAccessLog(memberId:)`, "what did this member read"): without it the
 * structure's index is walked newest first until 100 rows of that member turn up, the whole structure's log for a
 * member who read little (1 s at 500k rows of a structure, 0.1 ms with this index). It costs the 270-row insert of a
 * week view nothing measurable (3.2 ms before, 2.9 ms after). docs/performance.md has the plans.
 */
export class AccessLogByMember1763900003000 implements MigrationInterface {
  name = 'AccessLogByMember1763900003000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`create index patient_access_log_member_idx on patient_access_log (member_id, at desc)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop index patient_access_log_member_idx`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whom each move sent the task to — the physician of an escalation, the validator of a submission — kept on the audit
 * line, so the weekly review counts escalations per referent exactly even after a task was handed back.
 */
export class TransitionTarget1764600002000 implements MigrationInterface {
  name = 'TransitionTarget1764600002000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table task_transition add column target_id uuid`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`alter table task_transition drop column target_id`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The demo month each demo structure is given with its agendas (issue 13): which month, and how far it has been played,
 * day by day, so that a restart resumes after the last day played and two replicas never play a day twice (the row is
 * locked while a day is played). Written in the transaction that creates the structure's demo agendas: a structure
 * equipped before this existed, or by hand, gets no demo month.
 */
export class DemoMonth1764600001000 implements MigrationInterface {
  name = 'DemoMonth1764600001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table demo_month (
        structure_id uuid primary key,
        month text not null check (month ~ '^[0-9]{4}-[0-9]{2}$'),
        time_zone text not null,
        played_through date,
        completed_at timestamptz,
        created_at timestamptz not null default now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table demo_month`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The catalogue, versioned protocols, tasks with their audit trail, dysfunction reports, and event-fed copies. */
export class DelegationSchema1764600001000 implements MigrationInterface {
  name = 'DelegationSchema1764600001000';

  async up(db: QueryRunner): Promise<void> {
    // Copies of other services' facts (ids, roles, referents, absences only), upserted by id: order-safe.
    await db.query(`
      create table site_ref (
        site_id uuid primary key,
        structure_id uuid not null,
        updated_at timestamptz not null
      )`);
    await db.query(`
      create table team_member (
        member_id uuid not null,
        structure_id uuid not null,
        profession text not null,
        roles text[] not null,
        site_ids uuid[] not null,
        referent_id uuid,
        backup_referent_id uuid,
        left_at timestamptz,
        updated_at timestamptz not null,
        primary key (member_id, structure_id)
      )`);
    await db.query(`
      create table member_absence (
        absence_id uuid primary key,
        member_id uuid not null,
        starts_at timestamptz not null,
        ends_at timestamptz not null
      )`);
    await db.query(`create index member_absence_idx on member_absence (member_id, ends_at)`);

    // A structure's edits of the catalogue: overrides of the default types by code, and types of its own.
    await db.query(`
      create table task_type (
        structure_id uuid not null,
        code text not null,
        label text not null,
        category text not null check (category in ('administrative', 'medico_administrative')),
        standard_minutes integer not null check (standard_minutes between 0 and 1440),
        default_roles text[] not null,
        active boolean not null,
        updated_by uuid not null,
        updated_at timestamptz not null,
        primary key (structure_id, code)
      )`);

    await db.query(`
      create table protocol (
        id uuid primary key,
        structure_id uuid not null,
        task_type text not null,
        status text not null check (status in ('draft', 'adopted', 'retired')),
        current_version integer not null,
        created_by uuid not null,
        created_at timestamptz not null,
        updated_at timestamptz not null
      )`);
    // One adopted protocol per task type: a task made from an event falls under exactly one.
    await db.query(
      `create unique index protocol_adopted_per_type on protocol (structure_id, task_type) where status = 'adopted'`,
    );
    await db.query(`
      create table protocol_version (
        protocol_id uuid not null references protocol (id),
        version integer not null,
        content jsonb not null,
        written_by uuid not null,
        written_at timestamptz not null,
        adopted_by uuid,
        adopted_at timestamptz,
        meeting_id uuid,
        primary key (protocol_id, version)
      )`);

    await db.query(`
      create table task (
        id uuid primary key,
        structure_id uuid not null,
        site_id uuid,
        task_type text not null,
        protocol_id uuid references protocol (id),
        protocol_version integer,
        validation_circuit text not null,
        origin text not null,
        source_id uuid,
        title text not null,
        description text not null default '',
        priority text not null check (priority in ('low', 'normal', 'high', 'urgent')),
        status text not null,
        assignee_id uuid,
        pool_role text,
        patient_id uuid,
        physician_id uuid,
        categories text[] not null default '{}',
        flags text[] not null default '{}',
        due_at timestamptz,
        validator_id uuid,
        escalated_to uuid,
        escalation_reason text,
        created_by uuid,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        completed_at timestamptz,
        completed_by uuid,
        standard_minutes integer,
        delegated boolean,
        iso_week text,
        version integer not null,
        check (assignee_id is not null or pool_role is not null)
      )`);
    // Exactly one task per message taken, meeting action item or exam to chase, whatever Kafka redelivers.
    await db.query(`create unique index task_one_per_source on task (origin, source_id) where source_id is not null`);
    await db.query(`create index task_board_idx on task (structure_id, status)`);
    await db.query(`create index task_assignee_idx on task (assignee_id, status)`);
    await db.query(`create index task_due_idx on task (due_at) where status in ('todo', 'in_progress', 'blocked')`);
    await db.query(`create index task_time_freed_idx on task (structure_id, iso_week) where status = 'done'`);
    // What waits on a member: the "escalated to me" and "to validate" views, and moving it on when they are away.
    await db.query(`create index task_escalated_to_idx on task (escalated_to) where status = 'escalated'`);
    await db.query(`create index task_validator_idx on task (validator_id) where status = 'awaiting_validation'`);

    // The audit trail of the board (DEL-4): who moved what, when, from where to where, and why.
    await db.query(`
      create table task_transition (
        id bigserial primary key,
        task_id uuid not null references task (id),
        from_status text,
        to_status text not null,
        move text not null,
        actor_id uuid,
        reason text,
        at timestamptz not null,
        version integer not null
      )`);
    await db.query(`create index task_transition_task_idx on task_transition (task_id, id)`);
    // The weekly review counts the moves of a period.
    await db.query(`create index task_transition_at_idx on task_transition (at)`);
    await db.query(`
      create table task_comment (
        id uuid primary key,
        task_id uuid not null references task (id),
        author_id uuid not null,
        body text not null,
        at timestamptz not null
      )`);
    await db.query(`create index task_comment_task_idx on task_comment (task_id, at)`);
    await db.query(`
      create table task_attachment (
        id uuid primary key,
        task_id uuid not null references task (id),
        label text not null,
        reference text not null,
        added_by uuid not null,
        at timestamptz not null
      )`);
    await db.query(`create index task_attachment_task_idx on task_attachment (task_id, at)`);

    await db.query(`
      create table dysfunction_report (
        id uuid primary key,
        structure_id uuid not null,
        task_id uuid references task (id),
        protocol_id uuid references protocol (id),
        reported_by uuid not null,
        description text not null,
        at timestamptz not null,
        iso_week text not null
      )`);
    await db.query(`create index dysfunction_report_week_idx on dysfunction_report (structure_id, iso_week)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'dysfunction_report',
      'task_attachment',
      'task_comment',
      'task_transition',
      'task',
      'protocol_version',
      'protocol',
      'task_type',
      'member_absence',
      'team_member',
      'site_ref',
    ])
      await db.query(`drop table if exists ${table}`);
  }
}

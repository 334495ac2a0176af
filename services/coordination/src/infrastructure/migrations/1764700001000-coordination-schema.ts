import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Coordination's own tables: the copy of the team, meetings and their series, invitations, cases and minutes. */
export class CoordinationSchema1764700001000 implements MigrationInterface {
  name = 'CoordinationSchema1764700001000';

  async up(db: QueryRunner): Promise<void> {
    // The directory's sites and members as its events tell them; `updated_at` orders the facts (order-safe upserts).
    await db.query(`
      create table site_ref (
        site_id uuid primary key,
        structure_id uuid not null,
        time_zone text not null,
        updated_at timestamptz not null
      )`);
    await db.query(`
      create table team_member (
        member_id uuid not null,
        structure_id uuid not null,
        profession text not null,
        roles text[] not null,
        site_ids uuid[] not null,
        left_at timestamptz,
        updated_at timestamptz not null,
        primary key (member_id, structure_id)
      )`);
    await db.query(`create index team_member_structure_idx on team_member (structure_id) where left_at is null`);
    await db.query(`
      create table coordination_settings (
        structure_id uuid primary key,
        min_professions int not null check (min_professions between 1 and 10),
        physician_required boolean not null,
        updated_by uuid not null,
        updated_at timestamptz not null
      )`);
    await db.query(`
      create table meeting_series (
        id uuid primary key,
        structure_id uuid not null,
        kind text not null check (kind in ('rcp', 'synthesis', 'staff', 'cpts_working_group', 'training')),
        title text not null,
        rrule text not null,
        time_zone text not null,
        local_start time not null,
        duration_minutes int not null check (duration_minutes between 5 and 480),
        site_id uuid,
        video_link text,
        invitee_ids uuid[] not null,
        starts_on date not null,
        ends_on date,
        organizer_id uuid not null,
        created_at timestamptz not null,
        ended_at timestamptz
      )`);
    await db.query(`
      create table meeting (
        id uuid primary key,
        structure_id uuid not null,
        series_id uuid references meeting_series (id),
        kind text not null check (kind in ('rcp', 'synthesis', 'staff', 'cpts_working_group', 'training')),
        title text not null,
        site_id uuid,
        video_link text,
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        status text not null check (status in ('scheduled', 'held', 'cancelled')),
        organizer_id uuid not null,
        version int not null default 1,
        held_at timestamptz,
        cancelled_at timestamptz,
        cancel_reason text,
        professions_present text[] not null default '{}',
        pluriprofessional boolean,
        minutes_closed_at timestamptz,
        minutes_closed_by uuid,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        constraint meeting_time_check check (ends_at > starts_at),
        constraint meeting_venue_check check (site_id is not null or video_link is not null),
        constraint meeting_minutes_check check (minutes_closed_at is null or status = 'held'),
        -- One occurrence of a series per start: extending a series twice never doubles a meeting.
        constraint meeting_series_occurrence_unique unique (series_id, starts_at)
      )`);
    await db.query(`create index meeting_structure_time_idx on meeting (structure_id, starts_at)`);
    await db.query(`
      create table invitation (
        meeting_id uuid not null references meeting (id),
        member_id uuid not null,
        answer text not null default 'pending' check (answer in ('pending', 'yes', 'no', 'maybe')),
        answered_at timestamptz,
        -- What scheduling said of blocking this member's agenda: 'refused' when patients are booked over it.
        agenda text not null default 'pending' check (agenda in ('pending', 'refused')),
        overlapping_appointments int not null default 0,
        attendance text check (attendance in ('present', 'excused', 'absent')),
        primary key (meeting_id, member_id)
      )`);
    await db.query(`create index invitation_member_idx on invitation (member_id)`);
    await db.query(`
      create table meeting_case (
        id uuid primary key,
        meeting_id uuid not null references meeting (id),
        structure_id uuid not null,
        patient_id uuid not null,
        reason text not null,
        theme text not null check (theme in ('complex_patient', 'polypathology', 'polymedication', 'palliative_care',
          'elderly_at_home', 'loss_of_autonomy', 'mental_health', 'chronic_disease_decompensation', 'social_situation',
          'other')),
        presenter_id uuid,
        position int not null,
        created_at timestamptz not null,
        constraint meeting_case_patient_unique unique (meeting_id, patient_id)
      )`);
    await db.query(`create index meeting_case_patient_idx on meeting_case (structure_id, patient_id)`);
    await db.query(`
      create table decision (
        id uuid primary key,
        meeting_id uuid not null references meeting (id),
        case_id uuid references meeting_case (id),
        text text not null,
        protocol_id uuid,
        position int not null,
        created_at timestamptz not null
      )`);
    await db.query(`create index decision_meeting_idx on decision (meeting_id)`);
    await db.query(`
      create table action_item (
        id uuid primary key,
        meeting_id uuid not null references meeting (id),
        case_id uuid references meeting_case (id),
        description text not null,
        assignee_id uuid,
        due_at timestamptz,
        task_type text,
        protocol_id uuid,
        position int not null,
        created_at timestamptz not null
      )`);
    await db.query(`create index action_item_meeting_idx on action_item (meeting_id)`);
    // Protocols of delegation the meeting elaborated or adopted, by reference (COO-5).
    await db.query(`
      create table meeting_protocol (
        meeting_id uuid not null references meeting (id),
        protocol_id uuid not null,
        relation text not null check (relation in ('elaborated', 'adopted')),
        primary key (meeting_id, protocol_id)
      )`);
    // What members are told (invitations, reminders, changes), delivered to their in-app inbox when due.
    await db.query(`
      create table notification (
        id uuid primary key,
        meeting_id uuid not null references meeting (id),
        member_id uuid not null,
        kind text not null check (kind in ('invitation', 'reminder', 'rescheduled', 'cancelled')),
        due_at timestamptz not null,
        delivered_at timestamptz,
        read_at timestamptz,
        created_at timestamptz not null,
        constraint notification_once unique (meeting_id, member_id, kind, due_at)
      )`);
    await db.query(`create index notification_due_idx on notification (due_at) where delivered_at is null`);
    await db.query(`create index notification_member_idx on notification (member_id, due_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'notification',
      'meeting_protocol',
      'action_item',
      'decision',
      'meeting_case',
      'invitation',
      'meeting',
      'meeting_series',
      'coordination_settings',
      'team_member',
      'site_ref',
    ])
      await db.query(`drop table ${table}`);
  }
}

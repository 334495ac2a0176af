import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coordination meetings block their attendees' agendas under the same rule as patients (issue 12, item 2; ADR 0015).
 *
 * `practitioner_busy` holds every span of a practitioner's time that something owns: one row per live appointment or
 * hold (written by triggers on `appointment`, so no code path can forget it) and one per placed meeting block. Its one
 * exclusion constraint refuses, in both directions and under concurrency, a meeting block over a live appointment and
 * an appointment over a meeting block. `lane` is the appointment's id, or the nil uuid for every meeting block: rows
 * conflict when their lanes differ, so two meetings may overlap (a member can be invited to both; coordination warns
 * about it) while an appointment never overlaps anything.
 *
 * `appointment_no_overlap` stays: appointments between themselves are still decided on the appointment row, before the
 * trigger runs (the concurrent bookings of one slot keep meeting each other there, not in a second constraint), and its
 * index serves the reads by practitioner.
 *
 * `meeting_ref`, `meeting_answer` and `meeting_block` are scheduling's copy of the meetings: their time and attendees
 * (newest plan wins, by the coordination event's instant), each invitee's newest answer, and each member's block state
 * (placed, refused: patients booked over it, freed) so that events arriving in any order, or twice, end the same way.
 */
export class MeetingBlocks1764500001000 implements MigrationInterface {
  name = 'MeetingBlocks1764500001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table practitioner_busy (
        practitioner_id uuid not null,
        during tstzrange not null,
        source text not null check (source in ('appointment', 'meeting')),
        appointment_id uuid unique,
        meeting_id uuid,
        lane uuid not null generated always as (coalesce(appointment_id, '00000000-0000-0000-0000-000000000000'::uuid)) stored,
        constraint practitioner_busy_source_ids_check check (
          case source when 'appointment' then appointment_id is not null and meeting_id is null
                      else meeting_id is not null and appointment_id is null end),
        constraint practitioner_busy_meeting_member_key unique (meeting_id, practitioner_id),
        constraint practitioner_busy_no_overlap exclude using gist (practitioner_id with =, during with &&, lane with <>)
      )`);
    // Keeps practitioner_busy in step with the appointments: a live row takes the time, a cancelled one frees it. Only
    // a change of who, when or live-ness runs it (the WHEN clauses), so confirming, arriving or completing costs nothing.
    await db.query(`
      create function appointment_busy_sync() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' or new.status = 'cancelled' then
          delete from practitioner_busy where appointment_id = old.id;
          return null;
        end if;
        if tg_op = 'UPDATE' and old.status <> 'cancelled' then
          update practitioner_busy set practitioner_id = new.practitioner_id,
                                       during = tstzrange(new.starts_at, new.ends_at, '[)')
           where appointment_id = new.id;
        else
          insert into practitioner_busy (practitioner_id, during, source, appointment_id)
          values (new.practitioner_id, tstzrange(new.starts_at, new.ends_at, '[)'), 'appointment', new.id);
        end if;
        return null;
      end $$`);
    await db.query(`
      create trigger appointment_busy_insert after insert on appointment
        for each row when (new.status <> 'cancelled') execute function appointment_busy_sync()`);
    await db.query(`
      create trigger appointment_busy_update after update of practitioner_id, starts_at, ends_at, status on appointment
        for each row when (old.practitioner_id is distinct from new.practitioner_id
                           or old.starts_at is distinct from new.starts_at
                           or old.ends_at is distinct from new.ends_at
                           or (old.status = 'cancelled') is distinct from (new.status = 'cancelled'))
        execute function appointment_busy_sync()`);
    await db.query(`
      create trigger appointment_busy_delete after delete on appointment
        for each row when (old.status <> 'cancelled') execute function appointment_busy_sync()`);
    // The appointments already live take their time in the new table (they cannot overlap: appointment_no_overlap).
    await db.query(`
      insert into practitioner_busy (practitioner_id, during, source, appointment_id)
      select practitioner_id, tstzrange(starts_at, ends_at, '[)'), 'appointment', id from appointment
       where status <> 'cancelled'`);

    await db.query(`
      create table meeting_ref (
        meeting_id uuid primary key,
        structure_id uuid not null,
        starts_at timestamptz,
        ends_at timestamptz,
        attendee_ids uuid[] not null default '{}',
        planned_at timestamptz,
        cancelled_at timestamptz,
        constraint meeting_ref_plan_check check (
          (planned_at is null and starts_at is null and ends_at is null)
          or (planned_at is not null and ends_at > starts_at))
      )`);
    await db.query(`
      create table meeting_answer (
        meeting_id uuid not null,
        member_id uuid not null,
        answer text not null check (answer in ('yes', 'no', 'maybe')),
        answered_at timestamptz not null,
        primary key (meeting_id, member_id)
      )`);
    await db.query(`
      create table meeting_block (
        meeting_id uuid not null,
        member_id uuid not null,
        structure_id uuid not null,
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        state text not null check (state in ('placed', 'refused', 'freed')),
        overlapping_appointments integer not null default 0,
        changed_at timestamptz not null,
        primary key (meeting_id, member_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['meeting_block', 'meeting_answer', 'meeting_ref']) await db.query(`drop table ${table}`);
    for (const trigger of ['appointment_busy_delete', 'appointment_busy_update', 'appointment_busy_insert'])
      await db.query(`drop trigger ${trigger} on appointment`);
    await db.query(`drop function appointment_busy_sync()`);
    await db.query(`drop table practitioner_busy`);
  }
}

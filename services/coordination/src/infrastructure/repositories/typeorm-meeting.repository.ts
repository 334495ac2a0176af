import { Injectable } from '@nestjs/common';
import { activeManager, requireActiveManager } from '@msp/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import type { InvitationAnswer } from '../../domain/meeting';
import {
  MeetingRepository,
  type Invitation,
  type Meeting,
  type NewMeeting,
} from '../../application/ports/meeting.repository';

interface MeetingRow {
  id: string;
  structure_id: string;
  series_id: string | null;
  kind: Meeting['kind'];
  title: string;
  site_id: string | null;
  video_link: string | null;
  starts_at: Date;
  ends_at: Date;
  status: Meeting['status'];
  organizer_id: string;
  version: number;
  held_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  professions_present: string[];
  pluriprofessional: boolean | null;
  minutes_closed_at: Date | null;
  minutes_closed_by: string | null;
  created_at: Date;
  invitations: Array<{
    member_id: string;
    answer: Invitation['answer'];
    answered_at: string | null;
    agenda: 'pending' | 'refused';
    overlapping_appointments: number;
    attendance: Invitation['attendance'];
  }>;
}

/** A meeting with its invitations in one row: one statement per read, however many meetings. */
const SELECT = `
  select m.*, coalesce((
    select json_agg(json_build_object('member_id', i.member_id, 'answer', i.answer, 'answered_at', i.answered_at,
                                      'agenda', i.agenda, 'overlapping_appointments', i.overlapping_appointments,
                                      'attendance', i.attendance) order by i.member_id)
    from invitation i where i.meeting_id = m.id), '[]') as invitations
  from meeting m`;

const toMeeting = (r: MeetingRow): Meeting => ({
  id: r.id,
  structureId: r.structure_id,
  seriesId: r.series_id,
  kind: r.kind,
  title: r.title,
  siteId: r.site_id,
  videoLink: r.video_link,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  status: r.status,
  organizerId: r.organizer_id,
  version: r.version,
  heldAt: r.held_at,
  cancelledAt: r.cancelled_at,
  cancelReason: r.cancel_reason,
  professionsPresent: r.professions_present,
  pluriprofessional: r.pluriprofessional,
  minutesClosedAt: r.minutes_closed_at,
  minutesClosedBy: r.minutes_closed_by,
  createdAt: r.created_at,
  invitations: r.invitations.map((i) => ({
    memberId: i.member_id,
    answer: i.answer,
    answeredAt: i.answered_at ? new Date(i.answered_at) : null,
    agendaRefused: i.agenda === 'refused',
    overlappingAppointments: i.overlapping_appointments,
    attendance: i.attendance,
  })),
});

@Injectable()
export class TypeOrmMeetingRepository implements MeetingRepository {
  constructor(private readonly db: DataSource) {}

  async insert(m: NewMeeting): Promise<boolean> {
    const db = requireActiveManager('meeting write');
    const rows: Array<{ id: string }> = await db.query(
      `insert into meeting (id, structure_id, series_id, kind, title, site_id, video_link, starts_at, ends_at, status,
                            organizer_id, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'scheduled', $10, $11, $11)
       on conflict on constraint meeting_series_occurrence_unique do nothing
       returning id`,
      [
        m.id,
        m.structureId,
        m.seriesId,
        m.kind,
        m.title,
        m.siteId,
        m.videoLink,
        m.startsAt,
        m.endsAt,
        m.organizerId,
        m.createdAt,
      ],
    );
    if (!rows.length) return false;
    await db.query(`insert into invitation (meeting_id, member_id) select $1, unnest($2::uuid[])`, [
      m.id,
      m.inviteeIds,
    ]);
    return true;
  }

  async byId(meetingId: string): Promise<Meeting | null> {
    const [row]: MeetingRow[] = await this.manager().query(`${SELECT} where m.id = $1`, [meetingId]);
    return row ? toMeeting(row) : null;
  }

  async isEmpty(structureId?: string): Promise<boolean> {
    const [row]: Array<{ empty: boolean }> = await this.manager().query(
      `select not exists (select 1 from meeting where $1::uuid is null or structure_id = $1) as empty`,
      [structureId ?? null],
    );
    return row.empty;
  }

  async reread(meetingId: string): Promise<Meeting> {
    const meeting = await this.byId(meetingId);
    if (!meeting) throw new Error(`Meeting ${meetingId} vanished inside its own transaction`);
    return meeting;
  }

  async lock(meetingId: string): Promise<Meeting | null> {
    await requireActiveManager('meeting write').query(`select 1 from meeting where id = $1 for update`, [meetingId]);
    return this.byId(meetingId);
  }

  async many(meetingIds: readonly string[]): Promise<Meeting[]> {
    if (!meetingIds.length) return [];
    const rows: MeetingRow[] = await this.manager().query(`${SELECT} where m.id = any($1::uuid[])`, [meetingIds]);
    return rows.map(toMeeting);
  }

  async between(structureId: string, from: Date, to: Date): Promise<Meeting[]> {
    const rows: MeetingRow[] = await this.manager().query(
      `${SELECT} where m.structure_id = $1 and m.starts_at >= $2 and m.starts_at < $3 order by m.starts_at, m.id`,
      [structureId, from, to],
    );
    return rows.map(toMeeting);
  }

  async invitedTo(memberId: string, from: Date, to: Date): Promise<Meeting[]> {
    const rows: MeetingRow[] = await this.manager().query(
      `${SELECT} where m.id in (select meeting_id from invitation where member_id = $1)
         and m.starts_at >= $2 and m.starts_at < $3 order by m.starts_at, m.id`,
      [memberId, from, to],
    );
    return rows.map(toMeeting);
  }

  async move(meetingId: string, startsAt: Date, endsAt: Date, at: Date): Promise<void> {
    await requireActiveManager('meeting write').query(
      `update meeting set starts_at = $2, ends_at = $3, version = version + 1, updated_at = $4 where id = $1`,
      [meetingId, startsAt, endsAt, at],
    );
  }

  async cancel(meetingId: string, reason: string | null, at: Date): Promise<void> {
    await requireActiveManager('meeting write').query(
      `update meeting set status = 'cancelled', cancelled_at = $3, cancel_reason = $2, version = version + 1,
                          updated_at = $3
       where id = $1`,
      [meetingId, reason, at],
    );
  }

  async answer(meetingId: string, memberId: string, answer: InvitationAnswer, at: Date): Promise<void> {
    await requireActiveManager('meeting write').query(
      `update invitation set answer = $3, answered_at = $4 where meeting_id = $1 and member_id = $2`,
      [meetingId, memberId, answer, at],
    );
  }

  async agendaRefused(meetingId: string, memberId: string, overlappingAppointments: number): Promise<boolean> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [, updated]: [unknown[], number] = await this.manager().query(
      `update invitation set agenda = 'refused', overlapping_appointments = $3
       where meeting_id = $1 and member_id = $2`,
      [meetingId, memberId, overlappingAppointments],
    );
    return updated > 0;
  }

  async resetAgendaRefusals(meetingId: string): Promise<void> {
    await requireActiveManager('meeting write').query(
      `update invitation set agenda = 'pending', overlapping_appointments = 0 where meeting_id = $1`,
      [meetingId],
    );
  }

  private manager(): EntityManager {
    return activeManager() ?? this.db.manager;
  }
}

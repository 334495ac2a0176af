import { Injectable } from '@nestjs/common';
import { activeManager, requireActiveManager } from '@msp/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import {
  MinutesRepository,
  type ActionItem,
  type AttendanceEntry,
  type Decision,
  type MeetingCase,
  type MeetingProtocol,
  type Minutes,
  type MinutesEntryKind,
} from '../../application/ports/minutes.repository';

interface CaseRow {
  id: string;
  meeting_id: string;
  structure_id: string;
  patient_id: string;
  reason: string;
  theme: MeetingCase['theme'];
  presenter_id: string | null;
  position: number;
  created_at: Date;
}

interface DecisionRow {
  id: string;
  meeting_id: string;
  case_id: string | null;
  text: string;
  protocol_id: string | null;
  position: number;
  created_at: Date;
}

interface ActionItemRow {
  id: string;
  meeting_id: string;
  case_id: string | null;
  description: string;
  assignee_id: string | null;
  due_at: Date | null;
  task_type: string | null;
  protocol_id: string | null;
  position: number;
  created_at: Date;
}

const toCase = (r: CaseRow): MeetingCase => ({
  id: r.id,
  meetingId: r.meeting_id,
  structureId: r.structure_id,
  patientId: r.patient_id,
  reason: r.reason,
  theme: r.theme,
  presenterId: r.presenter_id,
  position: r.position,
  createdAt: r.created_at,
});

const toDecision = (r: DecisionRow): Decision => ({
  id: r.id,
  meetingId: r.meeting_id,
  caseId: r.case_id,
  text: r.text,
  protocolId: r.protocol_id,
  position: r.position,
  createdAt: r.created_at,
});

const toActionItem = (r: ActionItemRow): ActionItem => ({
  id: r.id,
  meetingId: r.meeting_id,
  caseId: r.case_id,
  description: r.description,
  assigneeId: r.assignee_id,
  dueAt: r.due_at,
  taskType: r.task_type,
  protocolId: r.protocol_id,
  position: r.position,
  createdAt: r.created_at,
});

const TABLES: Record<MinutesEntryKind, string> = {
  case: 'meeting_case',
  decision: 'decision',
  action_item: 'action_item',
};

/** The next position in a meeting's list: writes hold the meeting's lock, so two writes never take the same one. */
const NEXT_POSITION = (table: string) => `(select coalesce(max(position), 0) + 1 from ${table} where meeting_id = $2)`;

@Injectable()
export class TypeOrmMinutesRepository implements MinutesRepository {
  constructor(private readonly db: DataSource) {}

  async addCase(c: Omit<MeetingCase, 'position'>): Promise<boolean> {
    const rows: unknown[] = await requireActiveManager('case write').query(
      `insert into meeting_case (id, meeting_id, structure_id, patient_id, reason, theme, presenter_id, position, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, ${NEXT_POSITION('meeting_case')}, $8)
       on conflict on constraint meeting_case_patient_unique do nothing
       returning 1`,
      [c.id, c.meetingId, c.structureId, c.patientId, c.reason, c.theme, c.presenterId, c.createdAt],
    );
    return rows.length > 0;
  }

  async updateCase(caseId: string, f: Pick<MeetingCase, 'reason' | 'theme' | 'presenterId'>): Promise<void> {
    await requireActiveManager('case write').query(
      `update meeting_case set reason = $2, theme = $3, presenter_id = $4 where id = $1`,
      [caseId, f.reason, f.theme, f.presenterId],
    );
  }

  async caseById(caseId: string): Promise<MeetingCase | null> {
    const [row]: CaseRow[] = await this.manager().query(`select * from meeting_case where id = $1`, [caseId]);
    return row ? toCase(row) : null;
  }

  async addDecision(d: Omit<Decision, 'position'>): Promise<void> {
    await requireActiveManager('minutes write').query(
      `insert into decision (id, meeting_id, case_id, text, protocol_id, position, created_at)
       values ($1, $2, $3, $4, $5, ${NEXT_POSITION('decision')}, $6)`,
      [d.id, d.meetingId, d.caseId, d.text, d.protocolId, d.createdAt],
    );
  }

  async addActionItem(a: Omit<ActionItem, 'position'>): Promise<void> {
    await requireActiveManager('minutes write').query(
      `insert into action_item (id, meeting_id, case_id, description, assignee_id, due_at, task_type, protocol_id,
                                position, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, ${NEXT_POSITION('action_item')}, $9)`,
      [a.id, a.meetingId, a.caseId, a.description, a.assigneeId, a.dueAt, a.taskType, a.protocolId, a.createdAt],
    );
  }

  async referenceProtocol(meetingId: string, p: MeetingProtocol): Promise<void> {
    await requireActiveManager('minutes write').query(
      `insert into meeting_protocol (meeting_id, protocol_id, relation) values ($1, $2, $3)
       on conflict (meeting_id, protocol_id) do update set relation = excluded.relation`,
      [meetingId, p.protocolId, p.relation],
    );
  }

  async unreferenceProtocol(meetingId: string, protocolId: string): Promise<boolean> {
    const rows: unknown[] = await requireActiveManager('minutes write').query(
      `delete from meeting_protocol where meeting_id = $1 and protocol_id = $2 returning 1`,
      [meetingId, protocolId],
    );
    return rows.length > 0;
  }

  async meetingOf(kind: MinutesEntryKind, id: string): Promise<string | null> {
    const [row]: Array<{ meeting_id: string }> = await this.manager().query(
      `select meeting_id from ${TABLES[kind]} where id = $1`,
      [id],
    );
    return row?.meeting_id ?? null;
  }

  async remove(kind: MinutesEntryKind, id: string): Promise<void> {
    const db = requireActiveManager('minutes write');
    if (kind === 'case') {
      await db.query(`delete from decision where case_id = $1`, [id]);
      await db.query(`delete from action_item where case_id = $1`, [id]);
    }
    await db.query(`delete from ${TABLES[kind]} where id = $1`, [id]);
  }

  async minutes(meetingId: string): Promise<Minutes> {
    // One after the other: inside a transaction they share one connection.
    const db = this.manager();
    const cases: CaseRow[] = await db.query(`select * from meeting_case where meeting_id = $1 order by position`, [
      meetingId,
    ]);
    const decisions: DecisionRow[] = await db.query(`select * from decision where meeting_id = $1 order by position`, [
      meetingId,
    ]);
    const actionItems: ActionItemRow[] = await db.query(
      `select * from action_item where meeting_id = $1 order by position`,
      [meetingId],
    );
    const protocols: Array<{ protocol_id: string; relation: MeetingProtocol['relation'] }> = await db.query(
      `select protocol_id, relation from meeting_protocol where meeting_id = $1 order by protocol_id`,
      [meetingId],
    );
    return {
      meetingId,
      cases: cases.map(toCase),
      decisions: decisions.map(toDecision),
      actionItems: actionItems.map(toActionItem),
      protocols: protocols.map((p) => ({ protocolId: p.protocol_id, relation: p.relation })),
    };
  }

  async counts(meetingId: string): Promise<{ cases: number; decisions: number; actionItems: number }> {
    const [row]: Array<{ cases: number; decisions: number; action_items: number }> = await this.manager().query(
      `select (select count(*)::int from meeting_case where meeting_id = $1) as cases,
              (select count(*)::int from decision where meeting_id = $1) as decisions,
              (select count(*)::int from action_item where meeting_id = $1) as action_items`,
      [meetingId],
    );
    return { cases: row.cases, decisions: row.decisions, actionItems: row.action_items };
  }

  async recordAttendance(meetingId: string, entries: readonly AttendanceEntry[]): Promise<void> {
    const db = requireActiveManager('attendance write');
    await db.query(`update invitation set attendance = null where meeting_id = $1`, [meetingId]);
    await db.query(
      `insert into invitation (meeting_id, member_id, attendance)
       select $1, member_id, status from unnest($2::uuid[], $3::text[]) as e(member_id, status)
       on conflict (meeting_id, member_id) do update set attendance = excluded.attendance`,
      [meetingId, entries.map((e) => e.memberId), entries.map((e) => e.status)],
    );
  }

  async markHeld(meetingId: string, professions: string[], pluriprofessional: boolean, at: Date): Promise<void> {
    await requireActiveManager('attendance write').query(
      `update meeting set status = 'held', held_at = coalesce(held_at, $4), professions_present = $2,
                          pluriprofessional = $3, version = version + 1, updated_at = $4
       where id = $1`,
      [meetingId, professions, pluriprofessional, at],
    );
  }

  async closeMinutes(meetingId: string, closedBy: string, at: Date): Promise<void> {
    await requireActiveManager('minutes write').query(
      `update meeting set minutes_closed_at = $3, minutes_closed_by = $2, version = version + 1, updated_at = $3
       where id = $1`,
      [meetingId, closedBy, at],
    );
  }

  async professions(structureId: string, memberIds: readonly string[]): Promise<Map<string, string>> {
    if (!memberIds.length) return new Map();
    const rows: Array<{ member_id: string; profession: string }> = await this.manager().query(
      `select member_id, profession from team_member where structure_id = $1 and member_id = any($2::uuid[])`,
      [structureId, memberIds],
    );
    return new Map(rows.map((r) => [r.member_id, r.profession]));
  }

  private manager(): EntityManager {
    return activeManager() ?? this.db.manager;
  }
}

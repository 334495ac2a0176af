import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { activeManager, requireActiveManager } from '@msp/persistence';
import type { MeetingBlockState, MeetingPlan, MemberAnswer, MemberBlock } from '../../domain/meeting-block';
import {
  MeetingBlockRepository,
  type MeetingBlockPlacement,
  type MeetingPlanFact,
  type PlacementOutcome,
} from '../../application/ports/meeting-block.repository';

interface MeetingRow {
  meeting_id: string;
  structure_id: string;
  starts_at: Date | null;
  ends_at: Date | null;
  attendee_ids: string[];
  planned_at: Date | null;
  cancelled_at: Date | null;
}

/**
 * A live appointment cancelled between the refused insert and the count leaves nothing to count: the insert is tried
 * again, a few times at most.
 */
const PLACEMENT_ATTEMPTS = 3;

/** Meetings, answers and blocks; a placed block is a `practitioner_busy` row under the appointments' constraint. */
@Injectable()
export class TypeOrmMeetingBlockRepository implements MeetingBlockRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get db(): EntityManager {
    return activeManager() ?? this.dataSource.manager;
  }

  async recordPlan(plan: MeetingPlanFact): Promise<void> {
    await requireActiveManager('Recording a meeting').query(
      `insert into meeting_ref (meeting_id, structure_id, starts_at, ends_at, attendee_ids, planned_at)
       values ($1, $2, $3, $4, $5, $6)
       on conflict (meeting_id) do update
         set starts_at = excluded.starts_at, ends_at = excluded.ends_at, attendee_ids = excluded.attendee_ids,
             planned_at = excluded.planned_at
         where meeting_ref.planned_at is null or meeting_ref.planned_at < excluded.planned_at`,
      [plan.meetingId, plan.structureId, plan.start, plan.end, [...plan.attendeeIds], plan.plannedAt],
    );
  }

  async recordCancellation(meetingId: string, structureId: string, cancelledAt: Date): Promise<void> {
    await requireActiveManager('Recording a meeting cancellation').query(
      `insert into meeting_ref (meeting_id, structure_id, cancelled_at) values ($1, $2, $3)
       on conflict (meeting_id) do update set cancelled_at = least(meeting_ref.cancelled_at, excluded.cancelled_at)`,
      [meetingId, structureId, cancelledAt],
    );
  }

  async recordAnswer(meetingId: string, answer: MemberAnswer): Promise<boolean> {
    const rows: unknown[] = await requireActiveManager('Recording an invitation answer').query(
      `insert into meeting_answer (meeting_id, member_id, answer, answered_at) values ($1, $2, $3, $4)
       on conflict (meeting_id, member_id) do update set answer = excluded.answer, answered_at = excluded.answered_at
         where meeting_answer.answered_at < excluded.answered_at
       returning 1`,
      [meetingId, answer.memberId, answer.answer, answer.answeredAt],
    );
    return rows.length > 0;
  }

  async lockMeeting(meetingId: string): Promise<MeetingPlan | null> {
    const [row]: MeetingRow[] = await requireActiveManager('Locking a meeting').query(
      `select meeting_id, structure_id, starts_at, ends_at, attendee_ids, planned_at, cancelled_at
         from meeting_ref where meeting_id = $1 for update`,
      [meetingId],
    );
    if (!row) return null;
    return {
      meetingId: row.meeting_id,
      structureId: row.structure_id,
      time: row.starts_at && row.ends_at ? { start: row.starts_at, end: row.ends_at } : null,
      attendeeIds: row.attendee_ids,
      plannedAt: row.planned_at,
      cancelledAt: row.cancelled_at,
    };
  }

  async answers(meetingId: string): Promise<MemberAnswer[]> {
    const rows: Array<{ member_id: string; answer: MemberAnswer['answer']; answered_at: Date }> = await this.db.query(
      `select member_id, answer, answered_at from meeting_answer where meeting_id = $1`,
      [meetingId],
    );
    return rows.map((row) => ({ memberId: row.member_id, answer: row.answer, answeredAt: row.answered_at }));
  }

  async blocks(meetingId: string): Promise<MemberBlock[]> {
    const rows: Array<{ member_id: string; starts_at: Date; ends_at: Date; state: MeetingBlockState }> =
      await this.db.query(`select member_id, starts_at, ends_at, state from meeting_block where meeting_id = $1`, [
        meetingId,
      ]);
    return rows.map((row) => ({ memberId: row.member_id, start: row.starts_at, end: row.ends_at, state: row.state }));
  }

  async currentMembers(structureId: string, memberIds: readonly string[]): Promise<string[]> {
    if (!memberIds.length) return [];
    const rows: Array<{ member_id: string }> = await this.db.query(
      `select member_id from team_member where structure_id = $1 and member_id = any($2) and left_at is null`,
      [structureId, [...memberIds]],
    );
    return rows.map((row) => row.member_id);
  }

  async place(block: MeetingBlockPlacement, now: Date): Promise<PlacementOutcome> {
    const db = requireActiveManager('Placing a meeting block');
    await db.query(`delete from practitioner_busy where meeting_id = $1 and practitioner_id = $2`, [
      block.meetingId,
      block.memberId,
    ]);
    let overlapping = 0;
    for (let attempt = 1; attempt <= PLACEMENT_ATTEMPTS && !overlapping; attempt++) {
      // On conflict do nothing: a live appointment in the way (committed, or committed while this waited for it) leaves
      // the block out instead of failing the transaction, which places the other members' blocks too.
      const inserted: unknown[] = await db.query(
        `insert into practitioner_busy (practitioner_id, during, source, meeting_id)
         values ($1, tstzrange($2, $3, '[)'), 'meeting', $4)
         on conflict do nothing returning 1`,
        [block.memberId, block.start, block.end, block.meetingId],
      );
      if (inserted.length) {
        await this.setState(db, block, 'placed', 0, now);
        return { placed: true };
      }
      const [{ n }]: Array<{ n: number }> = await db.query(
        `select count(*)::int as n from practitioner_busy
          where practitioner_id = $1 and source = 'appointment' and during && tstzrange($2, $3, '[)')`,
        [block.memberId, block.start, block.end],
      );
      overlapping = n;
    }
    if (!overlapping) throw new Error(`Meeting block ${block.meetingId}/${block.memberId} neither placed nor refused`);
    await this.setState(db, block, 'refused', overlapping, now);
    return { placed: false, overlappingAppointments: overlapping };
  }

  async free(meetingId: string, memberId: string, now: Date): Promise<void> {
    const db = requireActiveManager('Freeing a meeting block');
    await db.query(`delete from practitioner_busy where meeting_id = $1 and practitioner_id = $2`, [
      meetingId,
      memberId,
    ]);
    await db.query(
      `update meeting_block set state = 'freed', overlapping_appointments = 0, changed_at = $3
        where meeting_id = $1 and member_id = $2 and state <> 'freed'`,
      [meetingId, memberId, now],
    );
  }

  private async setState(
    db: EntityManager,
    block: MeetingBlockPlacement,
    state: MeetingBlockState,
    overlapping: number,
    now: Date,
  ): Promise<void> {
    await db.query(
      `insert into meeting_block (meeting_id, member_id, structure_id, starts_at, ends_at, state, overlapping_appointments, changed_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (meeting_id, member_id) do update
         set starts_at = excluded.starts_at, ends_at = excluded.ends_at, state = excluded.state,
             overlapping_appointments = excluded.overlapping_appointments, changed_at = excluded.changed_at`,
      [block.meetingId, block.memberId, block.structureId, block.start, block.end, state, overlapping, now],
    );
  }
}

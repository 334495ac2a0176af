import { Injectable } from '@nestjs/common';
import { activeManager } from '@msp/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ActivityFactsRepository,
  type AppointmentFact,
  type CallFact,
  type MeetingFact,
  type PractitionerActivity,
  type TaskFact,
} from '../../application/ports/activity-facts.repository';
import { PROTOCOL_ADOPTION_CTE } from './protocol-adoption.sql';
import { NO_ACTIVITY, type ActivityCounts } from '../../domain/operational-values';

const DEFAULT_ZONE = 'Europe/Paris';
/** The local date of `column` in the zone of the fact's site (`z`, left-joined on site_zone). */
const localDate = (column: string) => `(${column} at time zone coalesce(z.time_zone, '${DEFAULT_ZONE}'))::date`;

type CountRow = { bucket: string; practitioner_id: string | null } & Record<string, string | number | null>;

/**
 * Facts of the other services' aggregates, keyed by their ids. Every upsert keeps a row only for a fact at least as
 * recent as the one it holds (by the source event's own instant), so a redelivered, replayed or late event leaves the
 * same rows; counts are computed from the rows when asked, never accumulated.
 */
@Injectable()
export class TypeOrmActivityFactsRepository implements ActivityFactsRepository {
  constructor(private readonly db: DataSource) {}

  async upsertSite(siteId: string, structureId: string, timeZone: string, at: Date): Promise<void> {
    await this.manager().query(
      `insert into site_zone (site_id, structure_id, time_zone, updated_at) values ($1, $2, $3, $4)
       on conflict (site_id) do update set time_zone = excluded.time_zone, updated_at = excluded.updated_at
         where site_zone.updated_at <= excluded.updated_at`,
      [siteId, structureId, timeZone, at],
    );
  }

  async upsertMember(
    member: { memberId: string; structureId: string; profession: string; roles: string[]; rpps?: string | null },
    at: Date,
  ): Promise<void> {
    // An event of the older shape says nothing of the RPPS ($7 false): the number known is kept.
    await this.manager().query(
      `insert into practitioner_member (member_id, structure_id, profession, roles, updated_at, rpps)
       values ($1, $2, $3, $4, $5, $6)
       on conflict (member_id, structure_id) do update
         set profession = excluded.profession, roles = excluded.roles, updated_at = excluded.updated_at,
             rpps = case when $7 then excluded.rpps else practitioner_member.rpps end
         where practitioner_member.updated_at <= excluded.updated_at`,
      [
        member.memberId,
        member.structureId,
        member.profession,
        member.roles,
        at,
        member.rpps ?? null,
        member.rpps !== undefined,
      ],
    );
  }

  async markMemberLeft(memberId: string, structureId: string, at: Date): Promise<void> {
    await this.manager().query(
      `insert into practitioner_member (member_id, structure_id, profession, roles, left_at, updated_at)
       values ($1, $2, 'unknown', '{}', $3, $3)
       on conflict (member_id, structure_id) do update set left_at = excluded.left_at, updated_at = excluded.updated_at
         where practitioner_member.updated_at <= excluded.updated_at`,
      [memberId, structureId, at],
    );
  }

  async upsertAppointment(fact: AppointmentFact): Promise<void> {
    await this.manager().query(
      `insert into appointment_fact (appointment_id, structure_id, site_id, practitioner_id, starts_at, outcome, fact_at)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (appointment_id) do update
         set site_id = excluded.site_id, practitioner_id = excluded.practitioner_id, starts_at = excluded.starts_at,
             outcome = excluded.outcome, fact_at = excluded.fact_at
         where appointment_fact.fact_at <= excluded.fact_at`,
      [fact.appointmentId, fact.structureId, fact.siteId, fact.practitionerId, fact.startsAt, fact.outcome, fact.at],
    );
  }

  async cancelKnownAppointment(appointmentId: string, at: Date): Promise<void> {
    await this.manager().query(
      `update appointment_fact set outcome = 'cancelled', fact_at = $2 where appointment_id = $1 and fact_at <= $2`,
      [appointmentId, at],
    );
  }

  async upsertCall(fact: CallFact): Promise<void> {
    const key = [fact.callId, fact.structureId, fact.siteId, fact.practitionerId, fact.at];
    const insert = (columns: string, set: string, guard: string) =>
      `insert into call_fact (call_id, structure_id, site_id, practitioner_id, ${columns})
       values ($1, $2, $3, $4, $5${columns
         .split(',')
         .slice(1)
         .map((_, i) => `, $${i + 6}`)
         .join('')})
       on conflict (call_id) do update
         set practitioner_id = coalesce(excluded.practitioner_id, call_fact.practitioner_id), ${set}
         where call_fact.${guard} is null or call_fact.${guard} <= excluded.${guard}`;
    switch (fact.kind) {
      case 'received':
        await this.manager().query(insert('received_at', 'received_at = excluded.received_at', 'received_at'), key);
        return;
      case 'routed':
        await this.manager().query(
          insert(
            'routed_at, practitioner_status, interrupts_consultation',
            `routed_at = excluded.routed_at, practitioner_status = excluded.practitioner_status,
             interrupts_consultation = excluded.interrupts_consultation`,
            'routed_at',
          ),
          [...key, fact.practitionerStatus, fact.interruptsConsultation],
        );
        return;
      case 'message_taken':
        await this.manager().query(
          insert('message_taken_at', 'message_taken_at = excluded.message_taken_at', 'message_taken_at'),
          key,
        );
        return;
      case 'ended':
        await this.manager().query(
          insert(
            'ended_at, outcome, handled_without_human',
            `ended_at = excluded.ended_at, outcome = excluded.outcome,
             handled_without_human = excluded.handled_without_human`,
            'ended_at',
          ),
          [...key, fact.outcome, fact.handledWithoutHuman],
        );
        return;
    }
  }

  async upsertTask(fact: TaskFact): Promise<void> {
    await this.manager().query(
      `insert into task_fact (task_id, structure_id, site_id, physician_id, delegated, standard_minutes, completed_at)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (task_id) do update
         set site_id = excluded.site_id, physician_id = excluded.physician_id, delegated = excluded.delegated,
             standard_minutes = excluded.standard_minutes, completed_at = excluded.completed_at
         where task_fact.completed_at <= excluded.completed_at`,
      [
        fact.taskId,
        fact.structureId,
        fact.siteId,
        fact.physicianId,
        fact.delegated,
        fact.standardMinutes,
        fact.completedAt,
      ],
    );
  }

  async upsertMeeting(fact: MeetingFact): Promise<void> {
    if (fact.kind === 'held') {
      await this.manager().query(
        `insert into meeting_fact (meeting_id, structure_id, site_id, starts_at, held_at) values ($1, $2, $3, $4, $5)
         on conflict (meeting_id) do update
           set site_id = excluded.site_id, starts_at = excluded.starts_at, held_at = excluded.held_at
           where meeting_fact.held_at is null or meeting_fact.held_at <= excluded.held_at`,
        [fact.meetingId, fact.structureId, fact.siteId, fact.startsAt, fact.at],
      );
      return;
    }
    await this.manager().query(
      `insert into meeting_fact (meeting_id, structure_id, starts_at, pluriprofessional, attendance_at)
       values ($1, $2, $3, $4, $5)
       on conflict (meeting_id) do update
         set starts_at = excluded.starts_at, pluriprofessional = excluded.pluriprofessional,
             attendance_at = excluded.attendance_at
         where meeting_fact.attendance_at is null or meeting_fact.attendance_at <= excluded.attendance_at`,
      [fact.meetingId, fact.structureId, fact.startsAt, fact.pluriprofessional, fact.at],
    );
  }

  async cancelKnownMeeting(meetingId: string, at: Date): Promise<void> {
    await this.manager().query(`update meeting_fact set cancelled_at = $2 where meeting_id = $1`, [meetingId, at]);
  }

  async upsertProtocol(
    fact: { protocolId: string; structureId: string; pluriprofessional: boolean; adopted: boolean },
    at: Date,
  ): Promise<void> {
    // The earliest adoption dates the protocol (least() ignores nulls); its latest version says who it brings together.
    await this.manager().query(
      `insert into protocol_fact (protocol_id, structure_id, adopted_at, pluriprofessional, updated_at)
       values ($1, $2, $3, $4, $5)
       on conflict (protocol_id) do update
         set adopted_at = least(protocol_fact.adopted_at, excluded.adopted_at),
             pluriprofessional = case when protocol_fact.updated_at <= excluded.updated_at
                                      then excluded.pluriprofessional else protocol_fact.pluriprofessional end,
             updated_at = greatest(protocol_fact.updated_at, excluded.updated_at)`,
      [fact.protocolId, fact.structureId, fact.adopted ? at : null, fact.pluriprofessional, at],
    );
  }

  async upsertProtocolDecision(decisionId: string, structureId: string, protocolId: string, at: Date): Promise<void> {
    await this.manager().query(
      `insert into protocol_decision_fact (decision_id, structure_id, protocol_id, recorded_at) values ($1, $2, $3, $4)
       on conflict (decision_id) do update set protocol_id = excluded.protocol_id, recorded_at = excluded.recorded_at
         where protocol_decision_fact.recorded_at <= excluded.recorded_at`,
      [decisionId, structureId, protocolId, at],
    );
  }

  async localDate(siteId: string | null, at: Date): Promise<string> {
    const [row] = await this.manager().query<Array<{ day: string }>>(
      `select to_char(($2::timestamptz at time zone coalesce(
         (select time_zone from site_zone where site_id = $1), '${DEFAULT_ZONE}')), 'YYYY-MM-DD') as day`,
      [siteId, at],
    );
    return row.day;
  }

  async activity(structureId: string, from: string, to: string): Promise<PractitionerActivity[]> {
    const buckets = await this.counts(structureId, from, to, () => `'period'`);
    return buckets.get('period') ?? [];
  }

  async activityByMonth(structureId: string, from: string, to: string): Promise<Map<string, PractitionerActivity[]>> {
    return this.counts(structureId, from, to, (column) => `to_char(${localDate(column)}, 'YYYY-MM')`);
  }

  /**
   * The counts over inclusive local dates, grouped by `bucket` (an SQL expression of a fact's instant column: one
   * constant for a period, its local month for a history) and by practitioner. The local-date filter cannot use the
   * instant indexes, so each statement is also bounded by instants a day wider than the dates on each side (no zone is
   * further than 14 hours from UTC).
   */
  private async counts(
    structureId: string,
    from: string,
    to: string,
    bucket: (column: string) => string,
  ): Promise<Map<string, PractitionerActivity[]>> {
    const args = [structureId, from, to];
    const m = this.manager();
    const within = (column: string) =>
      `${column} >= ($2::date - 1)::timestamp at time zone 'UTC' and ${column} < ($3::date + 2)::timestamp at time zone 'UTC'
       and ${localDate(column)} between $2::date and $3::date`;
    const callAt = 'coalesce(c.received_at, c.routed_at, c.message_taken_at, c.ended_at)';
    // One after the other: inside the inbox transaction they share one connection.
    const rows: CountRow[] = [];
    for (const sql of [
      `select ${bucket('a.starts_at')} as bucket, a.practitioner_id,
              count(*) filter (where a.outcome = 'completed') as "appointmentsCompleted",
              count(*) filter (where a.outcome = 'no_show') as "noShows"
         from appointment_fact a left join site_zone z on z.site_id = a.site_id
        where a.structure_id = $1 and ${within('a.starts_at')}
        group by 1, 2`,
      `select ${bucket(callAt)} as bucket, c.practitioner_id,
              count(*) as "callsReceived",
              count(*) filter (where c.handled_without_human) as "callsWithoutHuman",
              count(*) filter (where c.outcome = 'transferred') as "callsTransferred",
              count(*) filter (where c.message_taken_at is not null or c.outcome = 'message_taken') as "messagesTaken",
              count(*) filter (where c.practitioner_status = 'in_consultation') as "callsDuringConsultation",
              count(*) filter (where c.practitioner_status = 'in_consultation' and c.interrupts_consultation)
                as "consultationsInterrupted",
              count(*) filter (where c.practitioner_status = 'in_consultation' and not c.interrupts_consultation)
                as "interruptionsAvoided"
         from call_fact c left join site_zone z on z.site_id = c.site_id
        where c.structure_id = $1 and ${within(callAt)}
        group by 1, 2`,
      `select ${bucket('t.completed_at')} as bucket, t.physician_id as practitioner_id,
              count(*) filter (where t.delegated) as "delegatedTasksCompleted",
              coalesce(sum(t.standard_minutes) filter (where t.delegated), 0) as "delegatedMinutes"
         from task_fact t left join site_zone z on z.site_id = t.site_id
        where t.structure_id = $1 and ${within('t.completed_at')}
        group by 1, 2`,
      `select ${bucket('mf.starts_at')} as bucket, null as practitioner_id,
              count(*) filter (where (held_at is not null or attendance_at is not null) and cancelled_at is null)
                as "meetingsHeld",
              count(*) filter (where (held_at is not null or attendance_at is not null) and cancelled_at is null
                                 and pluriprofessional) as "pluriprofessionalMeetingsHeld"
         from meeting_fact mf left join site_zone z on z.site_id = mf.site_id
        where mf.structure_id = $1 and ${within('mf.starts_at')}
        group by 1`,
      // A protocol counts once, in the period of its earliest adoption.
      `with ${PROTOCOL_ADOPTION_CTE}
       select ${bucket('adopted_at')} as bucket, null as practitioner_id, count(*) as "protocolsAdopted"
         from adoption, (select null::text as time_zone) z
        where ${within('adopted_at')}
        group by 1`,
    ])
      rows.push(...(await m.query<CountRow[]>(sql, args)));
    const buckets = new Map<string, Map<string | null, ActivityCounts>>();
    for (const { bucket: key, practitioner_id: practitionerId, ...values } of rows) {
      const byPractitioner = buckets.get(key) ?? new Map<string | null, ActivityCounts>();
      const counts = { ...(byPractitioner.get(practitionerId) ?? NO_ACTIVITY) };
      for (const [name, value] of Object.entries(values)) counts[name as keyof ActivityCounts] = Number(value);
      byPractitioner.set(practitionerId, counts);
      buckets.set(key, byPractitioner);
    }
    return new Map(
      [...buckets].map(([key, byPractitioner]) => [
        key,
        [...byPractitioner].map(([practitionerId, counts]) => ({ practitionerId, counts })),
      ]),
    );
  }

  async practitioners(structureId: string): Promise<string[]> {
    const rows = await this.manager().query<Array<{ member_id: string }>>(
      `select member_id from practitioner_member
        where structure_id = $1 and left_at is null and 'practitioner' = any(roles) order by member_id`,
      [structureId],
    );
    return rows.map((r) => r.member_id);
  }

  private manager(): EntityManager {
    return activeManager() ?? this.db.manager;
  }
}

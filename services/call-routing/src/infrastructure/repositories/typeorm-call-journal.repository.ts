import { Injectable } from '@nestjs/common';
import { activeManager, requireActiveManager } from '@msp/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import {
  CallJournalRepository,
  type CallRecord,
  type CallStatistics,
  type JournalFilter,
  type StatisticsFilter,
} from '../../application/ports/call-journal.repository';

interface Row {
  id: string;
  structure_id: string;
  site_id: string;
  line_id: string;
  provider: string;
  provider_call_id: string;
  caller_kind: CallRecord['callerKind'];
  pass_through: boolean;
  prefers_human: boolean;
  patient_id: string | null;
  practitioner_id: string | null;
  started_at: Date;
  intent: CallRecord['intent'];
  urgent: boolean;
  decided_at: Date | null;
  action: CallRecord['action'];
  rule_id: string | null;
  rulebook_scope: CallRecord['rulebookScope'];
  rulebook_version: number | null;
  practitioner_status: CallRecord['practitionerStatus'];
  interrupts_consultation: boolean;
  explanation: string | null;
  trace: CallRecord['trace'];
  step: CallRecord['step'];
  context: CallRecord['context'];
  queued_at: Date | null;
  answered_at: Date | null;
  outcome: CallRecord['outcome'];
  message_reason: CallRecord['messageReason'];
  ended_at: Date | null;
  duration_seconds: number | null;
}

const toCall = (r: Row): CallRecord => ({
  id: r.id,
  structureId: r.structure_id,
  siteId: r.site_id,
  lineId: r.line_id,
  provider: r.provider,
  providerCallId: r.provider_call_id,
  callerKind: r.caller_kind,
  passThrough: r.pass_through,
  prefersHuman: r.prefers_human,
  patientId: r.patient_id,
  practitionerId: r.practitioner_id,
  startedAt: r.started_at,
  intent: r.intent,
  urgent: r.urgent,
  decidedAt: r.decided_at,
  action: r.action,
  ruleId: r.rule_id,
  rulebookScope: r.rulebook_scope,
  rulebookVersion: r.rulebook_version,
  practitionerStatus: r.practitioner_status,
  interruptsConsultation: r.interrupts_consultation,
  explanation: r.explanation,
  trace: r.trace,
  step: r.step,
  context: r.context,
  queuedAt: r.queued_at,
  answeredAt: r.answered_at,
  outcome: r.outcome,
  messageReason: r.message_reason,
  endedAt: r.ended_at,
  durationSeconds: r.duration_seconds,
});

/** Every column but the identity ($1 id, $2 provider, $3 provider call id), in the order of `mutableValues`. */
const MUTABLE_COLUMNS = [
  'structure_id',
  'site_id',
  'line_id',
  'caller_kind',
  'pass_through',
  'prefers_human',
  'patient_id',
  'practitioner_id',
  'started_at',
  'intent',
  'urgent',
  'decided_at',
  'action',
  'rule_id',
  'rulebook_scope',
  'rulebook_version',
  'practitioner_status',
  'interrupts_consultation',
  'explanation',
  'trace',
  'step',
  'context',
  'queued_at',
  'answered_at',
  'outcome',
  'message_reason',
  'ended_at',
  'duration_seconds',
] as const;

const JSONB_COLUMNS = new Set<string>(['action', 'trace', 'context']);

/** `$4, $5, …` with a jsonb cast where the column needs one. */
const MUTABLE_PARAMS = MUTABLE_COLUMNS.map((c, i) => `$${i + 4}${JSONB_COLUMNS.has(c) ? '::jsonb' : ''}`);

// jsonb values go as JSON text: pg would turn a JS array (the trace) into a PostgreSQL array literal.
const json = (value: unknown): string | null => (value == null ? null : JSON.stringify(value));

const mutableValues = (c: CallRecord): unknown[] => [
  c.structureId,
  c.siteId,
  c.lineId,
  c.callerKind,
  c.passThrough,
  c.prefersHuman,
  c.patientId,
  c.practitionerId,
  c.startedAt,
  c.intent,
  c.urgent,
  c.decidedAt,
  json(c.action),
  c.ruleId,
  c.rulebookScope,
  c.rulebookVersion,
  c.practitionerStatus,
  c.interruptsConsultation,
  c.explanation,
  json(c.trace),
  c.step,
  json(c.context),
  c.queuedAt,
  c.answeredAt,
  c.outcome,
  c.messageReason,
  c.endedAt,
  c.durationSeconds,
];

/** The ends the statistics count as handled without a human (a message taken is work for a person: apart). */
const HANDLED_WITHOUT_HUMAN = `outcome in ('self_service_done', 'information_given', 'redirected_to_15')`;

interface TotalsRow {
  calls: number;
  handled: number;
  messages: number;
  transferred: number;
  redirected: number;
  during: number;
  interrupted: number;
  answered: number;
  average_wait: number | null;
  max_wait: number | null;
  per_day: CallStatistics['perDay'];
  per_hour: CallStatistics['perHour'];
}

/** The call journal: one row per provider call, updated as the conversation goes on. */
@Injectable()
export class TypeOrmCallJournalRepository implements CallJournalRepository {
  constructor(private readonly db: DataSource) {}

  async open(call: CallRecord): Promise<{ call: CallRecord; created: boolean }> {
    // A retried webhook inserts nothing and reads the row its first delivery wrote.
    const inserted: Row[] = await this.manager().query(
      `insert into call (id, provider, provider_call_id, ${MUTABLE_COLUMNS.join(', ')})
       values ($1, $2, $3, ${MUTABLE_PARAMS.join(', ')})
       on conflict (provider, provider_call_id) do nothing
       returning *`,
      [call.id, call.provider, call.providerCallId, ...mutableValues(call)],
    );
    if (inserted[0]) return { call: toCall(inserted[0]), created: true };
    const existing = await this.byProviderId(call.provider, call.providerCallId);
    if (!existing) throw new Error(`Call ${call.provider}/${call.providerCallId} conflicted but cannot be read`);
    return { call: existing, created: false };
  }

  async save(call: CallRecord): Promise<void> {
    await this.manager().query(
      `update call set ${MUTABLE_COLUMNS.map((c, i) => `${c} = ${MUTABLE_PARAMS[i]}`).join(', ')}
       where id = $1 and provider = $2 and provider_call_id = $3`,
      [call.id, call.provider, call.providerCallId, ...mutableValues(call)],
    );
  }

  async byProviderId(provider: string, providerCallId: string): Promise<CallRecord | null> {
    const [row]: Row[] = await this.manager().query(
      `select * from call where provider = $1 and provider_call_id = $2`,
      [provider, providerCallId],
    );
    return row ? toCall(row) : null;
  }

  async lockById(id: string): Promise<CallRecord | null> {
    const [row]: Row[] = await requireActiveManager('Locking a call').query(
      `select * from call where id = $1 for update`,
      [id],
    );
    return row ? toCall(row) : null;
  }

  async byId(id: string): Promise<CallRecord | null> {
    const [row]: Row[] = await this.manager().query(`select * from call where id = $1`, [id]);
    return row ? toCall(row) : null;
  }

  async list(filter: JournalFilter): Promise<CallRecord[]> {
    const rows: Row[] = await this.manager().query(
      `select * from call
       where structure_id = $1 and started_at >= $2 and started_at < $3
         and ($4::uuid is null or site_id = $4) and ($5::uuid is null or practitioner_id = $5)
         and ($6::timestamptz is null or (started_at, id) < ($6, $7::uuid))
       order by started_at desc, id desc
       limit $8`,
      [
        filter.structureId,
        filter.from,
        filter.to,
        filter.siteId ?? null,
        filter.practitionerId ?? null,
        filter.before?.startedAt ?? null,
        filter.before?.id ?? null,
        filter.limit,
      ],
    );
    return rows.map(toCall);
  }

  async statistics(filter: StatisticsFilter): Promise<CallStatistics> {
    // One statement: the totals, then days and hours on the site's wall clock ($6), over the same calls.
    const [row]: TotalsRow[] = await this.manager().query(
      `with c as (
         select * from call
         where structure_id = $1 and started_at >= $2 and started_at < $3
           and ($4::uuid is null or site_id = $4) and ($5::uuid is null or practitioner_id = $5)
       ),
       days as (
         select to_char(started_at at time zone $6, 'YYYY-MM-DD') as day, count(*)::int as calls,
           (count(*) filter (where ${HANDLED_WITHOUT_HUMAN}))::int as "handledWithoutHuman"
         from c group by 1
       ),
       hours as (
         select extract(isodow from started_at at time zone $6)::int as weekday,
           extract(hour from started_at at time zone $6)::int as hour, count(*)::int as calls
         from c group by 1, 2
       )
       select
         count(*)::int as calls,
         (count(*) filter (where ${HANDLED_WITHOUT_HUMAN}))::int as handled,
         (count(*) filter (where outcome = 'message_taken'))::int as messages,
         (count(*) filter (where outcome in ('transferred', 'queued')))::int as transferred,
         (count(*) filter (where outcome = 'redirected_to_15'))::int as redirected,
         (count(*) filter (where practitioner_status = 'in_consultation' and decided_at is not null))::int as during,
         (count(*) filter (where interrupts_consultation))::int as interrupted,
         (count(*) filter (where queued_at is not null and answered_at is not null))::int as answered,
         (avg(extract(epoch from answered_at - queued_at)))::float8 as average_wait,
         (max(extract(epoch from answered_at - queued_at)))::float8 as max_wait,
         (select coalesce(json_agg(days order by day), '[]') from days) as per_day,
         (select coalesce(json_agg(hours order by weekday, hour), '[]') from hours) as per_hour
       from c`,
      [
        filter.structureId,
        filter.from,
        filter.to,
        filter.siteId ?? null,
        filter.practitionerId ?? null,
        filter.timeZone,
      ],
    );
    return {
      calls: row.calls,
      handledWithoutHuman: row.handled,
      messagesTaken: row.messages,
      transferredToHuman: row.transferred,
      redirectedTo15: row.redirected,
      duringConsultation: row.during,
      consultationsInterrupted: row.interrupted,
      interruptionsAvoided: row.during - row.interrupted,
      queueWait: { answered: row.answered, averageSeconds: row.average_wait, maxSeconds: row.max_wait },
      perDay: row.per_day,
      perHour: row.per_hour,
    };
  }

  private manager(): EntityManager {
    return activeManager() ?? this.db.manager;
  }
}

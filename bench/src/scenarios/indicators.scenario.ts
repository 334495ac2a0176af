import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { UserContext } from '@msp/auth';
import { SLOT_MINUTES, TIME_ZONE, WEEKDAYS, WORKING_HOURS } from '../dataset/dataset-plan';
import { runClosedLoop, type LoadRun, type Outcome } from '../load/closed-loop';
import { withDatabase } from '../load/database';
import { errorReason, subgraphEndpoint, type GraphQLEndpoint } from '../load/graphql-endpoint';
import { summarize } from '../load/latency';
import { CpuAccount, describeCpu } from '../load/process-cpu';
import type { Measurement, ScenarioResult, TargetCheck } from '../report/bench-result';
import type { BenchScale, BenchStack, SeededDataset } from './bench-context';
import { targetCheck } from './target-check';

/**
 * A year of one structure's activity, per practitioner and working day, from the seeds' workload: 20 consultations
 * (1 in 30 a no-show, 1 in 20 cancelled), 15 calls (a third handled without a human, two in five while in
 * consultation, a third of those put through), 4 delegated tasks of 10 minutes; a pluriprofessional meeting a month
 * and six protocols adopted in the year; and the dataset's opening ranges (mornings and afternoons, Monday to Friday),
 * a tenth of their 20-minute slots held back for unscheduled care.
 */
const APPOINTMENTS_PER_DAY = 20;
const CALLS_PER_DAY = 15;
const TASKS_PER_DAY = 4;
/** A dashboard reading a year's history waits for it once: the 12 months recomputed from the facts within 3 s. */
/** SNP share of the seeded ranges: 1 of each range's 12 slots. */
const SNP_SHARE = 0.1;
export const INDICATORS_YEAR_P99_TARGET_MS = 3_000;
/** Nothing may grow with the history: a year costs at most 12 months and a fifth. */
export const INDICATORS_YEAR_RATIO_TARGET = 12 * 1.2;
const ROUND_CAP_SECONDS = 90;

const SCORES = `query ($s: ID!, $p: String!) { indicatorScores(structureId: $s, period: $p) {
  activity { appointmentsCompleted noShows callsReceived delegatedMinutes pluriprofessionalMeetingsHeld protocolsAdopted }
  scores { indicatorCode level } } }`;
/** The dashboard's year: every computed indicator month by month, in one request. */
const HISTORIES = `query ($s: ID!, $from: String!, $to: String!) { indicatorHistories(structureId: $s, from: $from, to: $to) {
  indicatorCode points { period level numerator denominator } } }`;

interface ScoresAnswer {
  indicatorScores: { activity: Record<string, number>; scores: { indicatorCode: string; level: number | null }[] };
}
interface HistoriesAnswer {
  indicatorHistories: Array<{
    indicatorCode: string;
    points: Array<{ period: string; level: number | null; numerator: number | null; denominator: number | null }>;
  }>;
}

export interface SeededYear {
  year: number;
  appointments: number;
  calls: number;
  tasks: number;
  seconds: number;
}

/**
 * The facts indicators would hold after a year of the other services' events, written into its tables as its
 * projections write them (the base dataset is seeded by COPY, so no event told indicators): one row per aggregate.
 */
async function seedYear(stack: BenchStack, seeded: SeededDataset, year: number): Promise<SeededYear> {
  const started = performance.now();
  const { dataset } = seeded;
  const structureId = dataset.structureId;
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const ids = dataset.practitioners.map((p) => p.id);
  const sites = dataset.practitioners.map((p) => p.siteIds[0]);
  const counts = await withDatabase(stack.indicatorsDatabaseUrl, async (client) => {
    const at = new Date();
    for (const site of dataset.sites)
      await client.query(
        `insert into site_zone (site_id, structure_id, time_zone, updated_at) values ($1, $2, $3, $4)
         on conflict do nothing`,
        [site.id, structureId, TIME_ZONE, at],
      );
    await client.query(
      `insert into practitioner_member (member_id, structure_id, profession, roles, updated_at)
       select m, $1, 'general_practitioner', array['practitioner'], $2 from unnest($3::uuid[]) m on conflict do nothing`,
      [structureId, at, ids],
    );
    // Working days × practitioners × slots; outcomes spread by position, the same on every run.
    const days = `generate_series($2::date, $3::date - 1, interval '1 day') d
      cross join unnest($4::uuid[], $5::uuid[]) with ordinality as m(member_id, site_id, i)`;
    const working = `extract(isodow from d) < 6`;
    const appointments = await client.query(
      `insert into appointment_fact (appointment_id, structure_id, site_id, practitioner_id, starts_at, outcome, fact_at)
       select gen_random_uuid(), $1, m.site_id, m.member_id, s.at,
         case when (k + m.i + extract(doy from d)::int) % 30 = 0 then 'no_show'
              when (k + m.i + extract(doy from d)::int) % 20 = 1 then 'cancelled' else 'completed' end,
         s.at + interval '25 minutes'
       from ${days} cross join generate_series(0, $6 - 1) k
       cross join lateral (select (d + interval '7 hours' + k * interval '25 minutes')::timestamptz as at) s
       where ${working}`,
      [structureId, from, to, ids, sites, APPOINTMENTS_PER_DAY],
    );
    const calls = await client.query(
      `insert into call_fact (call_id, structure_id, site_id, practitioner_id, received_at, routed_at, practitioner_status,
         interrupts_consultation, ended_at, outcome, handled_without_human)
       select gen_random_uuid(), $1, m.site_id, m.member_id, s.at, s.at + interval '10 seconds',
         case when k % 5 < 2 then 'in_consultation' else 'free' end,
         k % 5 < 2 and k % 3 = 0,
         s.at + interval '1 minute',
         case when k % 3 = 1 then 'self_service_done' else 'transferred' end,
         k % 3 = 1
       from ${days} cross join generate_series(0, $6 - 1) k
       cross join lateral (select (d + interval '7 hours' + k * interval '33 minutes')::timestamptz as at) s
       where ${working}`,
      [structureId, from, to, ids, sites, CALLS_PER_DAY],
    );
    const tasks = await client.query(
      `insert into task_fact (task_id, structure_id, site_id, physician_id, delegated, standard_minutes, completed_at)
       select gen_random_uuid(), $1, m.site_id, m.member_id, true, 10, d + interval '9 hours' + k * interval '1 hour'
       from ${days} cross join generate_series(0, $6 - 1) k where ${working}`,
      [structureId, from, to, ids, sites, TASKS_PER_DAY],
    );
    await client.query(
      `insert into meeting_fact (meeting_id, structure_id, site_id, starts_at, held_at, pluriprofessional, attendance_at)
       select gen_random_uuid(), $1, $2, s.at, s.at + interval '1 hour', true, s.at + interval '1 hour'
       from generate_series(1, 12) month
       cross join lateral (select make_timestamptz($3, month, 10, 12, 0, 0, 'UTC') as at) s`,
      [structureId, dataset.sites[0].id, year],
    );
    // The dataset's ranges as scheduling's events describe them, valid the whole year.
    await client.query(
      `insert into opening_range_fact (opening_range_id, structure_id, practitioner_id, site_id, time_zone, recurrence,
         start_time, end_time, valid_from, snp_share, snp_slot_minutes, snp_slot_buffer_minutes, defined_at)
       select gen_random_uuid(), $1, m.member_id, m.site_id, $2, $3, h.start_time, h.end_time, $4::date, $5, $6, 0, now()
       from unnest($7::uuid[], $8::uuid[]) m(member_id, site_id)
       cross join unnest($9::text[], $10::text[]) h(start_time, end_time)`,
      [
        structureId,
        TIME_ZONE,
        WEEKDAYS,
        from,
        SNP_SHARE,
        SLOT_MINUTES,
        ids,
        sites,
        WORKING_HOURS.map((h) => h.start),
        WORKING_HOURS.map((h) => h.end),
      ],
    );
    await client.query(
      `insert into protocol_fact (protocol_id, structure_id, adopted_at, pluriprofessional, updated_at)
       select gen_random_uuid(), $1, make_timestamptz($2, n * 2, 5, 14, 0, 0, 'UTC'), true, now()
       from generate_series(1, 6) n`,
      [structureId, year],
    );
    await client.query('analyze');
    return { appointments: appointments.rowCount ?? 0, calls: calls.rowCount ?? 0, tasks: tasks.rowCount ?? 0 };
  });
  return { year, ...counts, seconds: (performance.now() - started) / 1000 };
}

const round = (n: number) => Math.round(n * 10) / 10;

function measure<T>(
  id: string,
  label: string,
  run: LoadRun<T>,
  cpuMs: Record<string, number>,
  extra: Record<string, number>,
): Measurement {
  return {
    id,
    label,
    kind: 'latency',
    concurrency: 1,
    operations: run.results.length,
    errors: run.results.filter((r) => r.outcome === 'error').length,
    throughputPerSecond: round(run.results.length / run.wallSeconds),
    latencyMs: summarize(run.results.map((r) => r.latencyMs)),
    cpuMsPerOperation: cpuMs,
    extra,
  };
}

/**
 * Scenario: recomputing a structure's indicators for a year from its events (IND, issue 13). Indicators accumulates
 * nothing: each month is counted from the fact rows when asked, so a year is every computed indicator's 12 months,
 * asked at once (`indicatorHistories`, the facts read in one query grouped by local month) by one administrator at
 * indicators' subgraph. **Baseline of the same run**: one month's `indicatorScores`.
 */
export async function indicatorsScenario(
  stack: BenchStack,
  seeded: SeededDataset,
  scale: BenchScale,
): Promise<ScenarioResult> {
  const started = performance.now();
  const year = DateTime.now().setZone(TIME_ZONE).year - 1;
  const facts = await seedYear(stack, seeded, year);
  const administrator: UserContext = {
    memberId: randomUUID(),
    memberships: [{ structureId: seeded.dataset.structureId, roles: ['administrator'], siteIds: [] }],
  };
  const endpoint = subgraphEndpoint(stack.indicatorsUrl, 'indicators', stack.userContextPrivateKey, administrator);
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const totals = {
    appointmentsCompleted: 0,
    noShows: 0,
    callsReceived: 0,
    delegatedMinutes: 0,
    meetings: 0,
    protocols: 0,
  };
  const scoreMonth = async (month: string): Promise<Outcome> => {
    const answer = await ask(endpoint, seeded, month);
    const reason = errorReason(answer);
    return reason || !answer.data ? { outcome: 'error', detail: reason ?? 'no data' } : { outcome: 'scored' };
  };
  const snp = { slots: 0 };
  /** The year in one indicatorHistories: the first round's months summed, as the twelve indicatorScores would give. */
  const scoreYear = async (round: number): Promise<Outcome> => {
    const answer = await endpoint.request<HistoriesAnswer>(HISTORIES, {
      s: seeded.dataset.structureId,
      from: months[0],
      to: months[11],
    });
    const reason = errorReason(answer);
    if (reason || !answer.data) return { outcome: 'error', detail: reason ?? 'no data' };
    const histories = new Map(answer.data.indicatorHistories.map((h) => [h.indicatorCode, h.points]));
    if ([...histories.values()].some((points) => points.length !== 12))
      return { outcome: 'error', detail: 'a history without its 12 months' };
    if (round === 0) {
      const sum = (code: string, of: (p: { numerator: number | null; denominator: number | null }) => number) =>
        (histories.get(code) ?? []).reduce((total, point) => total + of(point), 0);
      totals.noShows += sum('OPS-NO-SHOW-RATE', (p) => p.numerator ?? 0);
      totals.appointmentsCompleted += sum('OPS-NO-SHOW-RATE', (p) => (p.denominator ?? 0) - (p.numerator ?? 0));
      totals.callsReceived += sum('OPS-CALLS-WITHOUT-HUMAN', (p) => p.denominator ?? 0);
      totals.delegatedMinutes += sum('OPS-DELEGATED-TIME-FREED', (p) => p.numerator ?? 0);
      totals.meetings += sum('OPS-PLURIPRO-MEETINGS', (p) => p.numerator ?? 0);
      totals.protocols += sum('OPS-PROTOCOLS-ADOPTED', (p) => p.numerator ?? 0);
      snp.slots += sum('OPS-SNP-CAPACITY', (p) => p.numerator ?? 0);
    }
    return { outcome: 'scored' };
  };

  // Warm-up, not reported: JIT, connection pool and PostgreSQL's cache of the fact tables.
  await runClosedLoop(months.slice(0, 4), 1, scoreMonth);
  await scoreYear(-1);

  const { years } = scale.indicators;
  const cpu = new CpuAccount(stack.pids);
  let before = cpu.sample();
  const monthItems = Array.from({ length: years * 6 }, (_, i) => months[i % 12]);
  const single = await runClosedLoop(monthItems, 1, scoreMonth, ROUND_CAP_SECONDS * 1000);
  const singleCpu = CpuAccount.perOperation(before, cpu.sample(), single.results.length);
  before = cpu.sample();
  const rounds = Array.from({ length: years }, (_, i) => i);
  const whole = await runClosedLoop(rounds, 1, scoreYear, ROUND_CAP_SECONDS * 1000);
  const wholeCpu = CpuAccount.perOperation(before, cpu.sample(), whole.results.length);

  const baseline: Measurement = {
    ...measure('month', 'One month’s indicatorScores (structure), 1 client', single, singleCpu, {}),
    baseline: true,
  };
  const measured: Measurement = {
    ...measure('year', 'The 12 months of a year in one indicatorHistories, 1 client', whole, wholeCpu, {
      appointmentFacts: facts.appointments,
      callFacts: facts.calls,
      taskFacts: facts.tasks,
      appointmentsCompleted: totals.appointmentsCompleted,
      noShows: totals.noShows,
      callsReceived: totals.callsReceived,
      delegatedMinutes: totals.delegatedMinutes,
      pluriprofessionalMeetings: totals.meetings,
      protocolsAdopted: totals.protocols,
      snpSlots: snp.slots,
      seedSeconds: round(facts.seconds),
    }),
    baselineOf: 'month',
  };
  const notes = [
    `${year}: ${facts.appointments} appointment, ${facts.calls} call and ${facts.tasks} task facts for ${seeded.dataset.practitioners.length} practitioners, written in ${facts.seconds.toFixed(1)} s`,
  ];
  for (const [label, run, wanted] of [
    ['month', single, monthItems.length],
    ['year', whole, years],
  ] as const) {
    if (run.results.length < wanted)
      notes.push(`${label}: stopped after ${run.results.length} of ${wanted} (${ROUND_CAP_SECONDS} s cap)`);
    const firstError = run.results.find((r) => r.outcome === 'error');
    if (firstError) notes.push(`${label}: unexpected answer "${firstError.detail}"`);
  }
  return {
    id: 'indicators',
    title: 'Recomputing a structure’s indicators for a year from its events',
    dataset: seeded.dataset.size.name,
    durationSeconds: (performance.now() - started) / 1000,
    measurements: [baseline, measured],
    targets: indicatorsTargets(baseline, measured),
    notes,
  };
}

function ask(endpoint: GraphQLEndpoint, seeded: SeededDataset, month: string) {
  return endpoint.request<ScoresAnswer>(SCORES, { s: seeded.dataset.structureId, p: month });
}

export function indicatorsTargets(month: Measurement, year: Measurement): TargetCheck[] {
  if (!month.latencyMs || !year.latencyMs) return [];
  const ratio = year.latencyMs.p50 / Math.max(0.001, month.latencyMs.p50);
  const limitedBy = `${describeCpu(year.cpuMsPerOperation)}; one month: ${describeCpu(month.cpuMsPerOperation)}`;
  return [
    targetCheck(
      `${year.label}: p99 ≤ ${INDICATORS_YEAR_P99_TARGET_MS} ms`,
      `${Math.round(year.latencyMs.p99)} ms`,
      `≤ ${INDICATORS_YEAR_P99_TARGET_MS} ms`,
      year.latencyMs.p99 <= INDICATORS_YEAR_P99_TARGET_MS,
      limitedBy,
    ),
    targetCheck(
      `${year.label}: p50 ≤ ${round(INDICATORS_YEAR_RATIO_TARGET)}× one month (linear in the months)`,
      `${round(ratio)}×`,
      `≤ ${round(INDICATORS_YEAR_RATIO_TARGET)}×`,
      ratio <= INDICATORS_YEAR_RATIO_TARGET,
      limitedBy,
    ),
    targetCheck(
      `${year.label}: every month answered`,
      String((year.errors ?? 0) + (month.errors ?? 0)),
      '0 errors',
      (year.errors ?? 0) + (month.errors ?? 0) === 0,
    ),
  ];
}

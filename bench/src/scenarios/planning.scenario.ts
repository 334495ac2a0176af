import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { UserContext } from '@msp/auth';
import { InternalHttpClient } from '@msp/messaging';
import { TIME_ZONE } from '../dataset/dataset-plan';
import { runClosedLoop, type LoadRun, type Outcome } from '../load/closed-loop';
import { withDatabase } from '../load/database';
import { errorReason, subgraphEndpoint } from '../load/graphql-endpoint';
import { summarize } from '../load/latency';
import { CpuAccount, describeCpu } from '../load/process-cpu';
import type { Measurement, ScenarioResult, TargetCheck } from '../report/bench-result';
import type { BenchScale, BenchStack, SeededDataset } from './bench-context';
import { targetCheck } from './target-check';

/** Ten invitees, over a month: the planner's question of issue 12. */
export const PLANNING_INVITEES = 10;
const WINDOW_DAYS = 30;
const DURATION_MINUTES = 60;
/** The planner's p99 target, and what it may add to the free/busy call it makes (its own reads and the ranking). */
export const PLANNING_P99_TARGET_MS = 300;
export const PLANNING_OVERHEAD_TARGET_MS = 50;
const ROUND_CAP_SECONDS = 60;

const PROPOSALS = `query Plan($input: MeetingProposalsInput!) { meetingProposals(input: $input) {
  proposals { startsAt missingMemberIds } schedulingAvailable } }`;

interface PlanningAnswer {
  meetingProposals: { proposals: { startsAt: string; missingMemberIds: string[] }[]; schedulingAvailable: boolean };
}

/**
 * Coordination's copy of the dataset's team, written as its directory events would have written it: the base dataset
 * is seeded with COPY, so no event told coordination. A coordinator of its own plans the meetings.
 */
async function seedCoordinationTeam(stack: BenchStack, seeded: SeededDataset): Promise<UserContext> {
  const { dataset } = seeded;
  const coordinatorId = randomUUID();
  const at = new Date();
  await withDatabase(stack.coordinationDatabaseUrl, async (client) => {
    for (const site of dataset.sites)
      await client.query(
        `insert into site_ref (site_id, structure_id, time_zone, updated_at) values ($1, $2, $3, $4)
         on conflict (site_id) do nothing`,
        [site.id, dataset.structureId, TIME_ZONE, at],
      );
    const members = [
      ...dataset.practitioners.map((p) => [p.id, p.profession, p.roles, p.siteIds] as const),
      [coordinatorId, 'care_coordinator', ['coordinator'], dataset.sites.map((s) => s.id)] as const,
    ];
    await client.query(
      `insert into team_member (member_id, structure_id, profession, roles, site_ids, updated_at)
       select m.member_id, $1, m.profession, array[m.role], string_to_array(m.site_ids, ',')::uuid[], $2
       from unnest($3::uuid[], $4::text[], $5::text[], $6::text[]) as m(member_id, profession, role, site_ids)
       on conflict do nothing`,
      [
        dataset.structureId,
        at,
        members.map((m) => m[0]),
        members.map((m) => m[1]),
        members.map((m) => m[2][0]),
        members.map((m) => m[3].join(',')),
      ],
    );
  });
  return {
    memberId: coordinatorId,
    memberships: [
      { structureId: dataset.structureId, roles: ['coordinator'], siteIds: dataset.sites.map((s) => s.id) },
    ],
  };
}

interface PlanningRequest {
  inviteeIds: string[];
  from: string;
  to: string;
}

/** Each request a different group of ten among the practitioners, over the month from tomorrow (their seeded agendas). */
function planRequests(seeded: SeededDataset, count: number): PlanningRequest[] {
  const ids = seeded.dataset.practitioners.map((p) => p.id);
  const from = DateTime.now().setZone(TIME_ZONE).plus({ days: 1 }).startOf('day');
  return Array.from({ length: count }, (_, i) => ({
    inviteeIds: Array.from({ length: Math.min(PLANNING_INVITEES, ids.length) }, (_, k) => ids[(i + k) % ids.length]),
    from: from.toISO() as string,
    to: from.plus({ days: WINDOW_DAYS }).toISO() as string,
  }));
}

const round = (n: number) => Math.round(n * 10) / 10;

function measure(
  id: string,
  label: string,
  run: LoadRun<PlanningRequest>,
  concurrency: number,
  cpuMs: Record<string, number>,
): Measurement {
  return {
    id,
    label,
    kind: 'latency',
    concurrency,
    operations: run.results.length,
    errors: run.results.filter((r) => r.outcome === 'error').length,
    throughputPerSecond: round(run.results.length / run.wallSeconds),
    latencyMs: summarize(run.results.map((r) => r.latencyMs)),
    cpuMsPerOperation: cpuMs,
  };
}

/**
 * Scenario: planning a meeting for 10 members over a month (COO-2). The baseline is the one call the planner makes,
 * scheduling's free/busy for the same members and window, asked directly as coordination asks it; the planner adds
 * its checks (invitees, zone) and the ranking of every quarter hour of the month.
 */
export async function planningScenario(
  stack: BenchStack,
  seeded: SeededDataset,
  scale: BenchScale,
): Promise<ScenarioResult> {
  const started = performance.now();
  const { requests, concurrency } = scale.planning;
  const coordinator = await seedCoordinationTeam(stack, seeded);
  const planner = subgraphEndpoint(stack.coordinationUrl, 'coordination', stack.userContextPrivateKey, coordinator);
  const freeBusy = new InternalHttpClient({
    caller: 'coordination',
    target: 'scheduling',
    baseUrl: stack.schedulingUrl,
    privateKey: stack.coordinationPrivateKey,
    timeoutMs: 10_000,
  });
  let proposals = 0;
  let allFree = 0;
  let degraded = 0;
  let busyIntervals = 0;
  const plan = async (request: PlanningRequest): Promise<Outcome> => {
    const answer = await planner.request<PlanningAnswer>(PROPOSALS, {
      input: { structureId: seeded.dataset.structureId, durationMinutes: DURATION_MINUTES, limit: 10, ...request },
    });
    const reason = errorReason(answer);
    if (reason || !answer.data) return { outcome: 'error', detail: reason ?? 'no data' };
    const { proposals: found, schedulingAvailable } = answer.data.meetingProposals;
    if (!schedulingAvailable) {
      degraded++;
      return { outcome: 'error', detail: 'planned without proposals: scheduling did not answer' };
    }
    proposals += found.length;
    allFree += found.filter((p) => p.missingMemberIds.length === 0).length;
    return { outcome: 'planned' };
  };
  const ask = async (request: PlanningRequest): Promise<Outcome> => {
    try {
      const answer = await freeBusy.post<{ members: { busy: unknown[] }[] }>('/internal/agenda/free-busy', {
        memberIds: request.inviteeIds,
        from: request.from,
        to: request.to,
      });
      busyIntervals += answer.members.reduce((n, m) => n + m.busy.length, 0);
      return { outcome: 'answered' };
    } catch (error) {
      return { outcome: 'error', detail: (error as Error).message };
    }
  };

  // Warm-up, not reported: JIT and connection pools on both paths.
  await runClosedLoop(planRequests(seeded, 4), 2, ask);
  await runClosedLoop(planRequests(seeded, 4), 2, plan);
  proposals = allFree = degraded = busyIntervals = 0;

  const cpu = new CpuAccount(stack.pids);
  let before = cpu.sample();
  const raw = await runClosedLoop(planRequests(seeded, requests), concurrency, ask, ROUND_CAP_SECONDS * 1000);
  const rawCpu = CpuAccount.perOperation(before, cpu.sample(), raw.results.length);
  before = cpu.sample();
  const planned = await runClosedLoop(planRequests(seeded, requests), concurrency, plan, ROUND_CAP_SECONDS * 1000);
  const plannedCpu = CpuAccount.perOperation(before, cpu.sample(), planned.results.length);

  const baseline: Measurement = {
    ...measure('free-busy', `Scheduling's free/busy alone, ${concurrency} clients`, raw, concurrency, rawCpu),
    baseline: true,
    extra: { busyIntervalsPerAnswer: round(busyIntervals / Math.max(1, raw.results.length)) },
  };
  const measured: Measurement = {
    ...measure('planner', `Meeting proposals (coordination), ${concurrency} clients`, planned, concurrency, plannedCpu),
    baselineOf: 'free-busy',
    extra: {
      proposalsPerAnswer: round(proposals / Math.max(1, planned.results.length)),
      allFreePerAnswer: round(allFree / Math.max(1, planned.results.length)),
      degraded,
    },
  };
  const notes = [
    `${PLANNING_INVITEES} invitees, ${WINDOW_DAYS} days from tomorrow, ${DURATION_MINUTES}-minute meetings, 10 proposals asked`,
  ];
  for (const [label, run] of [
    ['free/busy', raw],
    ['planner', planned],
  ] as const) {
    if (run.results.length < requests)
      notes.push(`${label}: stopped after ${run.results.length} of ${requests} requests (${ROUND_CAP_SECONDS} s cap)`);
    const firstError = run.results.find((r) => r.outcome === 'error');
    if (firstError) notes.push(`${label}: unexpected answer "${firstError.detail}"`);
  }
  return {
    id: 'planning',
    title: `Planning a meeting for ${PLANNING_INVITEES} members over a month`,
    dataset: seeded.dataset.size.name,
    durationSeconds: (performance.now() - started) / 1000,
    measurements: [baseline, measured],
    targets: planningTargets(baseline, measured),
    notes,
  };
}

export function planningTargets(baseline: Measurement, planner: Measurement): TargetCheck[] {
  if (!baseline.latencyMs || !planner.latencyMs) return [];
  const overhead = planner.latencyMs.p50 - baseline.latencyMs.p50;
  const limitedBy = `${describeCpu(planner.cpuMsPerOperation)}; free/busy alone: ${describeCpu(baseline.cpuMsPerOperation)}`;
  return [
    targetCheck(
      `${planner.label}: p99 ≤ ${PLANNING_P99_TARGET_MS} ms`,
      `${Math.round(planner.latencyMs.p99)} ms`,
      `≤ ${PLANNING_P99_TARGET_MS} ms`,
      planner.latencyMs.p99 <= PLANNING_P99_TARGET_MS,
      limitedBy,
    ),
    targetCheck(
      `${planner.label}: p50 over the free/busy call alone ≤ ${PLANNING_OVERHEAD_TARGET_MS} ms`,
      `${Math.round(overhead)} ms`,
      `≤ ${PLANNING_OVERHEAD_TARGET_MS} ms`,
      overhead <= PLANNING_OVERHEAD_TARGET_MS,
      limitedBy,
    ),
    targetCheck(
      `${planner.label}: every answer with proposals (scheduling answered)`,
      String(planner.errors ?? 0),
      '0 errors',
      (planner.errors ?? 0) === 0,
    ),
  ];
}

import { DateTime } from 'luxon';
import { withDatabase } from '../load/database';
import { TIME_ZONE } from '../dataset/dataset-plan';
import { CpuAccount, describeCpu } from '../load/process-cpu';
import { targetCheck } from './target-check';
import { runClosedLoop, type Outcome } from '../load/closed-loop';
import { errorReason, type GraphQLEndpoint } from '../load/graphql-endpoint';
import { summarize } from '../load/latency';
import type { Measurement, ScenarioResult, TargetCheck } from '../report/bench-result';
import type { BenchScale, BenchStack, SeededDataset } from './bench-context';

const FREE_SLOTS = `query Slots($input: FreeSlotSearchInput!) {
  freeSlots(input: $input) { practitionerId siteId startsAt endsAt snp }
}`;

const WEEK_AT_SUBGRAPH = `query Week($structureId: ID!, $date: String!, $siteId: ID) {
  agendaWeek(structureId: $structureId, date: $date, siteId: $siteId) {
    practitioners { practitionerId profession appointments { id startsAt endsAt status motifLabel patient { id } } }
  }
}`;

/** What the secretary's screen asks: the week of one site with each practitioner's name and each patient's. */
const WEEK_WITH_NAMES = `query Week($structureId: ID!, $date: String!, $siteId: ID) {
  agendaWeek(structureId: $structureId, date: $date, siteId: $siteId) {
    practitioners {
      practitionerId profession practitioner { firstName lastName }
      appointments { id startsAt endsAt status motifLabel patient { id firstName lastName birthDate } }
    }
  }
}`;

interface WeekAnswer {
  agendaWeek: { practitioners: { appointments: { patient: { firstName?: string } | null }[] }[] };
}

interface ReadBudget {
  requests: number;
  seconds: number;
}

async function measure(
  cpu: CpuAccount,
  id: string,
  label: string,
  budget: ReadBudget,
  ask: () => Promise<Outcome>,
  baselineOf?: string,
): Promise<Measurement> {
  const before = cpu.sample();
  const run = await runClosedLoop(
    Array.from({ length: budget.requests }, (_, i) => i),
    1,
    ask,
    budget.seconds * 1000,
  );
  const requests = run.results.length;
  const cpuMsPerOperation = CpuAccount.perOperation(before, cpu.sample(), requests);
  const failed = run.results.filter((r) => r.outcome !== 'ok');
  return {
    id,
    label,
    kind: 'latency',
    concurrency: 1,
    operations: requests,
    errors: failed.length,
    throughputPerSecond: Math.round((requests / run.wallSeconds) * 10) / 10,
    latencyMs: summarize(run.results.map((r) => r.latencyMs)),
    cpuMsPerOperation,
    ...(baselineOf ? { baselineOf } : { baseline: true }),
  };
}

const ok = (reason: string | undefined): Outcome => (reason ? { outcome: 'error', detail: reason } : { outcome: 'ok' });

/** Scenario 2: the free-slot search and the week view, at the subgraph and through the gateway. */
export async function readsScenario(
  stack: BenchStack,
  seeded: SeededDataset,
  scale: BenchScale,
): Promise<ScenarioResult> {
  const started = performance.now();
  const { dataset } = seeded;
  const monday = dataset.viewedWeek;
  const sunday = DateTime.fromISO(monday, { zone: TIME_ZONE }).plus({ days: 6 }).toISODate() as string;
  const slotInput = { input: { motifId: dataset.consultation.id, from: monday, to: sunday } };
  const week = { structureId: dataset.structureId, date: monday, siteId: dataset.sites[0].id };
  const n: ReadBudget = { requests: scale.readRequests, seconds: scale.readSeconds };
  const notes: string[] = [];
  const cpu = new CpuAccount(stack.pids);

  const slotsAt = (endpoint: GraphQLEndpoint) => async () =>
    ok(errorReason(await endpoint.request(FREE_SLOTS, slotInput)));
  const probe = await seeded.subgraph.request<{ freeSlots: unknown[] }>(FREE_SLOTS, slotInput);
  const slotCount = probe.data?.freeSlots.length ?? 0;
  const weekProbe = await seeded.gateway.request<WeekAnswer>(WEEK_WITH_NAMES, week);
  const entries = weekProbe.data?.agendaWeek.practitioners.flatMap((p) => p.appointments) ?? [];
  const named = entries.filter((e) => e.patient?.firstName).length;
  if (errorReason(weekProbe)) notes.push(`Week view answered "${errorReason(weekProbe)}"`);

  const measurements: Measurement[] = [];
  measurements.push(
    await measure(cpu, 'slots-subgraph', 'Free slots, one week, at the subgraph', n, slotsAt(seeded.subgraph)),
  );
  measurements.push(
    await measure(
      cpu,
      'slots-gateway',
      'Free slots, one week, through the gateway',
      n,
      slotsAt(seeded.gateway),
      'slots-subgraph',
    ),
  );
  measurements.push(
    await measure(cpu, 'week-subgraph', 'Week view of a site (ids only), at the subgraph', n, async () =>
      ok(errorReason(await seeded.subgraph.request(WEEK_AT_SUBGRAPH, week))),
    ),
  );
  const accessRowsBefore = await accessLogRows(stack.directoryDatabaseUrl);
  const withNames = await measure(
    cpu,
    'week-gateway',
    'Week view of a site with practitioners’ and patients’ names, through the gateway',
    n,
    async () => ok(errorReason(await seeded.gateway.request(WEEK_WITH_NAMES, week))),
    'week-subgraph',
  );
  const accessRows = (await accessLogRows(stack.directoryDatabaseUrl)) - accessRowsBefore;
  withNames.extra = {
    appointmentsPerView: entries.length,
    patientsNamedPerView: named,
    accessLogRowsPerView: Math.round((accessRows / (withNames.operations ?? 1)) * 10) / 10,
  };
  measurements.push(withNames);
  for (const m of measurements)
    if ((m.operations ?? 0) < n.requests)
      notes.push(`${m.label}: stopped after ${m.operations} of ${n.requests} requests (${n.seconds} s cap)`);
  measurements[0].extra = { slotsPerSearch: slotCount };
  return {
    id: 'slots-and-week',
    title: 'Free-slot search and the week view',
    dataset: dataset.size.name,
    durationSeconds: (performance.now() - started) / 1000,
    measurements,
    targets: readTargets(measurements),
    notes,
  };
}

async function accessLogRows(directoryUrl: string): Promise<number> {
  return withDatabase(directoryUrl, async (client) => {
    const { rows } = await client.query<{ n: string }>('select count(*) as n from patient_access_log');
    return Number(rows[0].n);
  });
}

export function readTargets(measurements: readonly Measurement[]): TargetCheck[] {
  const get = (id: string) => measurements.find((m) => m.id === id)?.latencyMs;
  const cpu = (id: string) => describeCpu(measurements.find((m) => m.id === id)?.cpuMsPerOperation);
  const targets: TargetCheck[] = [];
  const slotsSub = get('slots-subgraph');
  const slotsGw = get('slots-gateway');
  const week = get('week-gateway');
  if (slotsSub)
    targets.push(
      targetCheck(
        'Free-slot search p99 at the subgraph',
        `${slotsSub.p99} ms`,
        '< 30 ms',
        slotsSub.p99 < 30,
        cpu('slots-subgraph'),
      ),
    );
  if (slotsSub && slotsGw) {
    const overhead = slotsGw.p50 / slotsSub.p50;
    targets.push(
      targetCheck(
        'Gateway overhead on the free-slot search (p50 through the gateway / p50 at the subgraph)',
        `${overhead.toFixed(2)}×`,
        '< 1.3×',
        overhead < 1.3,
        cpu('slots-gateway'),
      ),
    );
  }
  if (week)
    targets.push(
      targetCheck(
        'Week view with patients p99, through the gateway',
        `${week.p99} ms`,
        '< 100 ms',
        week.p99 < 100,
        cpu('week-gateway'),
      ),
    );
  return targets;
}

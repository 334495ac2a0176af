import { cpus, totalmem, platform, release } from 'node:os';
import { DateTime } from 'luxon';
import { withDatabase } from './load/database';
import type { UserContext } from '@msp/auth';
import { startBenchStack, type StartedBenchStack } from './bench-stack';
import { seedDataset } from './dataset/copy-seeder';
import {
  BASE_DATASET,
  planDataset,
  SCALE_DATASET,
  SMOKE_DATASET,
  TIME_ZONE,
  workingDays,
  type DatasetSize,
} from './dataset/dataset-plan';
import { gatewayEndpoint, subgraphEndpoint } from './load/graphql-endpoint';
import type { BenchResult, ScenarioResult, SkippedScenario } from './report/bench-result';
import { writeReport } from './report/write-report';
import { FULL_SCALE, SMOKE_SCALE, type SeededDataset } from './scenarios/bench-context';
import { boardScenario } from './scenarios/board.scenario';
import { bookingScenario } from './scenarios/booking.scenario';
import { callRoutingScenario } from './scenarios/call-routing.scenario';
import { eventsScenario } from './scenarios/events.scenario';
import { footprintScenario, MemorySampler } from './scenarios/footprint.scenario';
import { indicatorsScenario } from './scenarios/indicators.scenario';
import { planningScenario } from './scenarios/planning.scenario';
import { readsScenario } from './scenarios/reads.scenario';
import { scaleScenario } from './scenarios/scale.scenario';

export interface BenchOptions {
  smoke: boolean;
  budgetSeconds: number;
  /** Scenario ids to run (`--only`); all when empty. */
  only: readonly string[];
  dataDir: string;
  resultsDir: string;
  workspaceRoot: string;
  env: NodeJS.ProcessEnv;
  /** Node options for every service (`--cpu-prof`). */
  nodeArguments?: readonly string[];
  /** Drop the run's databases when done (not with --keep). */
  dropDatabases: boolean;
  progress: (line: string) => void;
}

export interface BenchRun {
  result: BenchResult;
  files: { json: string; markdown: string; charts: string[] };
  /** The service processes the run started (all stopped by now). */
  pids: number[];
}

/** Rough cost of each scenario on this kind of machine, to skip what the budget cannot hold (and say so). */
const ESTIMATED_SECONDS = {
  booking: 120,
  'slots-and-week': 90,
  events: 60,
  calls: 90,
  board: 45,
  planning: 60,
  indicators: 60,
  scale: 420,
} as const;
const SMOKE_SCALE_DATASET: DatasetSize = { ...SMOKE_DATASET, name: 'smoke-scale', practitioners: 8, patients: 100 };

/** Starts a fresh stack, seeds it, runs every scenario the budget allows, stops the stack, writes the report. */
export async function runBench(options: BenchOptions): Promise<BenchRun> {
  const startedAt = new Date();
  const deadline = Date.now() + options.budgetSeconds * 1000;
  const scale = options.smoke ? SMOKE_SCALE : FULL_SCALE;
  const say = options.progress;
  const scenarios: ScenarioResult[] = [];
  const skipped: SkippedScenario[] = [];
  const fits = (id: keyof typeof ESTIMATED_SECONDS) => {
    if (options.only.length && !options.only.includes(id)) {
      skipped.push({ id, reason: 'not selected (--only)' });
      return false;
    }
    const left = (deadline - Date.now()) / 1000;
    if (options.smoke || left >= ESTIMATED_SECONDS[id]) return true;
    skipped.push({ id, reason: `about ${ESTIMATED_SECONDS[id]} s needed, ${Math.round(left)} s of the budget left` });
    say(`Skipping ${id}: not enough budget left`);
    return false;
  };

  say('Starting a fresh stack (no demo data)');
  const stack = await startBenchStack(options.dataDir, options.workspaceRoot, options.env, say, options.nodeArguments);
  try {
    const base = await seed(stack, options.smoke ? SMOKE_DATASET : BASE_DATASET, 'base', say);
    await new Promise((resolve) => setTimeout(resolve, options.smoke ? 500 : 5_000)); // let start-up work settle
    const sampler = new MemorySampler(stack.pids);
    const idle = sampler.snapshot();

    const datasets = [base.facts];
    const baseRuns: ScenarioResult[] = [];
    if (fits('booking')) {
      say('Scenario booking');
      sampler.start();
      baseRuns.push(await bookingScenario(stack, base, scale));
    }
    const underLoad = sampler.stop();
    if (fits('slots-and-week')) {
      say('Scenario slots-and-week');
      baseRuns.push(await readsScenario(stack, base, scale));
    }
    scenarios.push(...baseRuns);
    if (fits('events')) {
      say('Scenario events');
      scenarios.push(await eventsScenario(stack, base, scale));
    }
    if (fits('calls')) {
      say('Scenario calls (the telephony webhook, open loop)');
      scenarios.push(await callRoutingScenario(stack, base, scale));
    }
    if (fits('board')) {
      say('Scenario board (delegation: 16 users moving tasks, and taking the same pool tasks at once)');
      scenarios.push(await boardScenario(stack, scale));
    }
    if (fits('planning')) {
      say('Scenario planning (coordination: a meeting for 10 members over a month, against the free/busy call alone)');
      scenarios.push(await planningScenario(stack, base, scale));
    }
    if (fits('indicators')) {
      say('Scenario indicators (a structure’s year recomputed from its facts, against one month)');
      scenarios.push(await indicatorsScenario(stack, base, scale));
    }
    scenarios.push(footprintScenario(stack, idle, underLoad, 'peak while booking'));
    if (fits('scale')) {
      const big = await seed(stack, options.smoke ? SMOKE_SCALE_DATASET : SCALE_DATASET, 'scale', say);
      datasets.push(big.facts);
      say('Scenario scale (booking and reads on 10× the data)');
      const scaled = [await bookingScenario(stack, big, scale), await readsScenario(stack, big, scale)];
      scenarios.push(scaleScenario(baseRuns, scaled, big.facts.seedSeconds));
    }
    const result: BenchResult = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      budgetSeconds: options.budgetSeconds,
      smoke: options.smoke,
      machine: await machineFacts(stack),
      datasets,
      scenarios,
      skipped,
    };
    const files = await writeReport(result, options.resultsDir);
    return { result, files, pids: stack.pids.map((p) => p.pid) };
  } finally {
    say('Stopping the stack');
    await stack.stop(options.dropDatabases);
  }
}

async function seed(stack: StartedBenchStack, size: DatasetSize, tag: string, say: (line: string) => void) {
  say(`Seeding the ${size.name} dataset with COPY (${size.practitioners} practitioners, ${size.sites} sites)`);
  const today = DateTime.now().setZone(TIME_ZONE);
  const dataset = planDataset(size, today, `${tag}${Date.now().toString(36)}`);
  const report = await seedDataset(dataset, {
    directoryUrl: stack.directoryDatabaseUrl,
    schedulingUrl: stack.schedulingDatabaseUrl,
  });
  say(`Seeded ${report.appointments} appointments in ${report.seconds.toFixed(1)} s`);
  const secretary: UserContext = {
    memberId: dataset.secretary.id,
    memberships: [{ structureId: dataset.structureId, roles: ['secretary'], siteIds: dataset.secretary.siteIds }],
  };
  const freeDays = workingDays(dataset.firstFreeDay, 60);
  const seeded: SeededDataset = {
    dataset,
    secretary,
    facts: {
      name: size.name,
      practitioners: size.practitioners,
      sites: size.sites,
      motifs: dataset.motifs.length,
      patients: size.patients,
      appointments: report.appointments,
      seedSeconds: Math.round(report.seconds * 10) / 10,
    },
    gateway: await gatewayEndpoint(stack.gatewayUrl, stack.dataDir, dataset.secretary.id),
    subgraph: subgraphEndpoint(stack.schedulingUrl, 'scheduling', stack.userContextPrivateKey, secretary),
    takeFreeDay: () => {
      const day = freeDays.shift();
      if (!day) throw new Error('The bench ran out of free days to book into');
      return day;
    },
  };
  return seeded;
}

async function machineFacts(stack: StartedBenchStack): Promise<BenchResult['machine']> {
  const postgres = await withDatabase(
    stack.schedulingDatabaseUrl,
    async (client) => (await client.query<{ v: string }>("select current_setting('server_version') as v")).rows[0].v,
  );
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres,
    kafka: stack.summary.kafka.origin === 'local broker' ? 'local KRaft broker (fresh)' : 'KAFKA_BROKERS',
    platform: `${platform()} ${release()}`,
  };
}

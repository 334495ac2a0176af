import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseExists, isAlive, workspaceRoot } from '@msp/infra';
import { buildWorkspace, builtStackEnv, testPostgresAdminUrl, uniqueSuffix } from '@msp/testing';
import type { BenchResult, Measurement, ScenarioResult } from '../../src/report/bench-result';
import { runBench, type BenchRun } from '../../src/run-bench';

/**
 * The harness itself, in its short form: a fresh stack of the built services on the test PostgreSQL and Kafka, a tiny
 * dataset, every scenario, the report. No timing is asserted (benchmarks are not tests): only that each scenario
 * measured what it claims, that the platform kept its promises under contention, and that the run cleaned up.
 */
describe('npm run bench -- --smoke', () => {
  const root = workspaceRoot();
  const prefix = `bench_t${uniqueSuffix()}`;
  let dataDir: string;
  let resultsDir: string;
  let run: BenchRun;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
    resultsDir = mkdtempSync(join(tmpdir(), 'bench-results-'));
    const env = builtStackEnv(prefix);
    await buildWorkspace(env);
    run = await runBench({
      smoke: true,
      budgetSeconds: 300,
      only: [],
      dataDir,
      resultsDir,
      workspaceRoot: root,
      env,
      dropDatabases: true,
      progress: () => undefined,
    });
  }, 600_000);

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(resultsDir, { recursive: true, force: true });
  });

  const scenario = (id: string): ScenarioResult => {
    const found = run.result.scenarios.find((s) => s.id === id);
    if (!found) throw new Error(`scenario ${id} missing; skipped: ${JSON.stringify(run.result.skipped)}`);
    return found;
  };
  const measurement = (s: ScenarioResult, id: string): Measurement => {
    const found = s.measurements.find((m) => m.id === id);
    if (!found) throw new Error(`measurement ${id} missing in ${s.id}`);
    return found;
  };

  it('runs every scenario and skips none', () => {
    expect(run.result.scenarios.map((s) => s.id)).toEqual([
      'booking',
      'slots-and-week',
      'events',
      'calls',
      'board',
      'planning',
      'indicators',
      'footprint',
      'scale',
    ]);
    expect(run.result.skipped).toEqual([]);
    expect(run.result.smoke).toBe(true);
  });

  it('books each distinct slot exactly once on every path: the losers hear "slot taken", nothing else fails', () => {
    for (const m of scenario('booking').measurements) {
      expect({ id: m.id, errors: m.errors, doubleBookings: m.extra?.doubleBookings }).toEqual({
        id: m.id,
        errors: 0,
        doubleBookings: 0,
      });
      expect(m.extra?.booked).toBe(m.extra?.distinctSlots);
      expect(m.extra?.slotTaken).toBe((m.operations ?? 0) - (m.extra?.distinctSlots ?? 0));
      expect(m.extra?.slotTaken).toBeGreaterThan(0);
    }
    expect(scenario('booking').measurements.map((m) => m.id)).toEqual(['raw-pg-4', 'subgraph-4', 'gateway-4']);
  });

  it('measures the slot search and the week view, whose patients are named and each read logged once', () => {
    const reads = scenario('slots-and-week');
    for (const m of reads.measurements) expect({ id: m.id, errors: m.errors }).toEqual({ id: m.id, errors: 0 });
    expect(measurement(reads, 'slots-subgraph').extra?.slotsPerSearch).toBeGreaterThan(0);
    const week = measurement(reads, 'week-gateway').extra ?? {};
    expect(week.appointmentsPerView).toBeGreaterThan(0);
    expect(week.patientsNamedPerView).toBe(week.appointmentsPerView);
    expect(week.accessLogRowsPerView).toBeGreaterThan(0);
  });

  it('follows every booking event to scheduling’s consumer, beside a raw Kafka round trip', () => {
    const events = scenario('events');
    expect(events.measurements.map((m) => m.id)).toEqual(['kafka-raw', 'booking-idle', 'booking-loaded']);
    for (const m of events.measurements) {
      expect({ id: m.id, errors: m.errors }).toEqual({ id: m.id, errors: 0 });
      expect(m.operations).toBeGreaterThan(0);
    }
  });

  it('routes every call placed through the telephony webhook, journals each, and books through scheduling', () => {
    const calls = scenario('calls');
    expect(calls.measurements.map((m) => m.id)).toEqual([
      'decide-in-process',
      'health-raw',
      'started',
      'decision-idle',
      'decision-idle-direct',
      'decision',
      'decision-book',
      'decision-other',
      'slot-choice',
    ]);
    for (const m of calls.measurements) expect({ id: m.id, errors: m.errors }).toEqual({ id: m.id, errors: 0 });
    const figures = measurement(calls, 'decision').extra ?? {};
    expect(figures.callsSent).toBeGreaterThan(0);
    expect(figures.journaled).toBe(figures.callsSent);
    expect(figures.endedInJournal).toBe(figures.callsSent);
    expect(figures.lostCalls).toBe(0);
    // Seeded patients have phones: the directory names every caller.
    expect(figures.identifiedCallers).toBe(figures.callsSent);
    expect(figures.bookingsConfirmed).toBeGreaterThan(0);
    expect(figures.appointmentsBooked).toBe(figures.bookingsConfirmed);
    expect(figures.doubleBookings).toBe(0);
    expect(figures.redirectedTo15).toBeGreaterThan(0);
    expect(calls.targets.find((t) => t.description.startsWith('Lost calls'))?.met).toBe(true);
  });

  it('lets exactly one of 16 assistants take each contended pool task, tells every other one it is stale, and fails nothing else', () => {
    const board = scenario('board');
    expect(board.measurements.map((m) => m.id)).toEqual([
      'raw-pg-16',
      'raw-pg-contended-16',
      'create-16',
      'moves-1',
      'moves-16',
      'move-start',
      'move-submit',
      'move-validate',
      'move-complete',
      'contended-16',
    ]);
    for (const m of board.measurements) expect({ id: m.id, errors: m.errors }).toEqual({ id: m.id, errors: 0 });
    const taken = measurement(board, 'contended-16');
    const figures = taken.extra ?? {};
    expect(figures.tasks).toBeGreaterThan(0);
    expect(taken.operations).toBe(16 * (figures.tasks ?? 0));
    expect(figures.winners).toBe(figures.tasks);
    expect(figures.tasksWonOnce).toBe(figures.tasks);
    expect(figures.staleTask).toBe((taken.operations ?? 0) - (figures.tasks ?? 0));
    // The same contention through pg alone: one row updated per task, as the service's answers say.
    const raw = measurement(board, 'raw-pg-contended-16').extra ?? {};
    expect(raw.tasksWonOnce).toBe(raw.tasks);
  });

  it('carries every assistant’s own tasks to done through start, submit and the referent’s validation, or complete', () => {
    const moves = measurement(scenario('board'), 'moves-16');
    const figures = moves.extra ?? {};
    expect(figures.tasks).toBeGreaterThan(0);
    expect(figures.tasksDone).toBe(figures.tasks);
    expect(figures.validateMoves).toBeGreaterThan(0);
    expect(figures.completeMoves).toBeGreaterThan(0);
  });

  it('plans a meeting for 10 members over a month with proposals every time, beside the free/busy call alone', () => {
    const planning = scenario('planning');
    expect(planning.measurements.map((m) => m.id)).toEqual(['free-busy', 'planner']);
    for (const m of planning.measurements) {
      expect({ id: m.id, errors: m.errors }).toEqual({ id: m.id, errors: 0 });
      expect(m.operations).toBeGreaterThan(0);
    }
    const planner = measurement(planning, 'planner');
    expect(planner.baselineOf).toBe('free-busy');
    expect(planner.extra?.degraded).toBe(0);
    expect(planner.extra?.proposalsPerAnswer).toBeGreaterThan(0);
    expect(measurement(planning, 'free-busy').extra?.busyIntervalsPerAnswer).toBeGreaterThan(0);
  });

  it('recomputes a structure’s year of indicators from its facts, every month counted as seeded, beside one month', () => {
    const indicators = scenario('indicators');
    expect(indicators.measurements.map((m) => m.id)).toEqual(['month', 'year']);
    for (const m of indicators.measurements) {
      expect({ id: m.id, errors: m.errors }).toEqual({ id: m.id, errors: 0 });
      expect(m.operations).toBeGreaterThan(0);
    }
    const year = measurement(indicators, 'year');
    expect(year.baselineOf).toBe('month');
    const figures = year.extra ?? {};
    // Last year's working days × the smoke dataset's 4 practitioners × 20 consultations, 15 calls, 4 tasks a day.
    const last = new Date().getUTCFullYear() - 1;
    let workingDays = 0;
    for (let d = new Date(Date.UTC(last, 0, 1)); d.getUTCFullYear() === last; d.setUTCDate(d.getUTCDate() + 1))
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) workingDays++;
    expect(figures.appointmentFacts).toBe(4 * workingDays * 20);
    expect(figures.callFacts).toBe(4 * workingDays * 15);
    expect(figures.taskFacts).toBe(4 * workingDays * 4);
    // The twelve months of the year's histories, summed, give back every fact once: nothing lost or counted twice at a
    // month's edge.
    expect(figures.callsReceived).toBe(figures.callFacts);
    expect(figures.delegatedMinutes).toBe((figures.taskFacts ?? 0) * 10);
    expect(figures.pluriprofessionalMeetings).toBe(12);
    expect(figures.protocolsAdopted).toBe(6);
    // The seeded ranges: mornings and afternoons of 12 twenty-minute slots, a tenth SNP (1 each), every working day.
    expect(figures.snpSlots).toBe(4 * workingDays * 2);
    expect(figures.noShows).toBeGreaterThan(0);
    expect((figures.appointmentsCompleted ?? 0) + (figures.noShows ?? 0)).toBeLessThan(figures.appointmentFacts ?? 0);
    expect(indicators.targets.find((t) => t.description.endsWith('every month answered'))?.met).toBe(true);
  });

  it('reports each service’s memory and the start-up time', () => {
    const footprint = scenario('footprint');
    for (const service of [
      'directory',
      'scheduling',
      'call-routing',
      'delegation',
      'coordination',
      'indicators',
      'gateway',
    ])
      expect(measurement(footprint, `${service}-idle`).value).toBeGreaterThan(20);
    expect(measurement(footprint, 'startup').value).toBeGreaterThan(0);
  });

  it('compares the 10× dataset with the base, figure by figure', () => {
    const scale = scenario('scale');
    const scaled = scale.measurements.filter((m) => m.id.startsWith('scale:'));
    expect(scaled.length).toBeGreaterThan(0);
    for (const m of scaled) expect(m.baselineOf).toBe(m.id.replace('scale:', 'base:'));
    expect(run.result.datasets.map((d) => d.name)).toEqual(['smoke', 'smoke-scale']);
  });

  it('writes the JSON result and the markdown report', () => {
    const written = JSON.parse(readFileSync(run.files.json, 'utf8')) as BenchResult;
    expect(written.scenarios.map((s) => s.id)).toEqual(run.result.scenarios.map((s) => s.id));
    expect(existsSync(run.files.markdown)).toBe(true);
  });

  it('stops the stack and drops the run’s databases', async () => {
    expect(run.pids).toHaveLength(7);
    expect(run.pids.filter(isAlive)).toEqual([]);
    for (const service of ['directory', 'scheduling', 'call_routing', 'delegation', 'coordination', 'indicators'])
      expect(await databaseExists(testPostgresAdminUrl(), `${prefix}_${service}`)).toBe(false);
  });
});

import { Pool } from 'pg';
import { randomUUID } from 'node:crypto';
import { type Dataset, seededRandom, slotStarts, SLOT_MINUTES } from '../dataset/dataset-plan';
import { CpuAccount, describeCpu } from '../load/process-cpu';
import { targetCheck } from './target-check';
import { countOutcomes, runClosedLoop, type LoadRun, type Outcome } from '../load/closed-loop';
import { errorReason, type GraphQLEndpoint } from '../load/graphql-endpoint';
import { summarize } from '../load/latency';
import type { Measurement, ScenarioResult, TargetCheck } from '../report/bench-result';
import type { BenchScale, BenchStack, SeededDataset } from './bench-context';

export interface BookingAttempt {
  practitionerId: string;
  siteId: string;
  startsAt: Date;
  patientId: string;
}

/** A round stops taking new attempts after this long (and says so): a slow path must not eat the whole budget. */
const ROUND_CAP_SECONDS = 90;

/** Share of attempts aimed at a slot another attempt of the round also wants. */
export const COLLIDING_SHARE = 0.2;

/**
 * The attempts of one round on one day: distinct slots across every practitioner, plus 20 % aimed at a slot already in
 * the list, shuffled, so that the losers meet the winners while both are in flight.
 */
export function planAttempts(dataset: Dataset, day: string, count: number, seed: number): BookingAttempt[] {
  const random = seededRandom(seed);
  const grid = slotStarts(day).flatMap((startsAt) =>
    dataset.practitioners.map((p) => ({ practitionerId: p.id, siteId: p.siteIds[0], startsAt })),
  );
  const distinctCount = Math.min(grid.length, Math.round(count * (1 - COLLIDING_SHARE)));
  shuffle(grid, random);
  const distinct = grid.slice(0, distinctCount);
  const colliding = Array.from(
    { length: count - distinctCount },
    () => distinct[Math.floor(random() * distinct.length)],
  );
  const attempts = [...distinct, ...colliding].map((slot) => ({
    ...slot,
    patientId: dataset.patientIds[Math.floor(random() * dataset.patientIds.length)],
  }));
  return shuffle(attempts, random);
}

/** Fisher–Yates with the given generator: the same seed, the same order. */
export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

const BOOK = `mutation Book($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }`;

/** Books through GraphQL; "booked", "slot-taken" (the expected answer of a loser) or the unexpected reason. */
export function bookThrough(endpoint: GraphQLEndpoint, dataset: Dataset) {
  return async (attempt: BookingAttempt): Promise<Outcome> => {
    const answer = await endpoint.request<{ bookAppointment: { id: string } }>(BOOK, {
      input: {
        practitionerId: attempt.practitionerId,
        siteId: attempt.siteId,
        motifId: dataset.consultation.id,
        patientId: attempt.patientId,
        startsAt: attempt.startsAt.toISOString(),
      },
    });
    const reason = errorReason(answer);
    if (!reason) return { outcome: 'booked', detail: answer.data?.bookAppointment.id };
    return reason === 'SCHEDULING.SLOT_TAKEN' ? { outcome: 'slot-taken' } : { outcome: 'error', detail: reason };
  };
}

/**
 * The baseline: the same row inserted with `pg` alone, one statement per attempt, into the same table under the same
 * exclusion constraint, through as many connections as the service's pool (10).
 */
export function insertRaw(pool: Pool, dataset: Dataset) {
  const insert = (attempt: BookingAttempt) =>
    pool.query(
      `insert into appointment (id, structure_id, site_id, practitioner_id, patient_id, motif_id, starts_at, ends_at,
         status, booked_by, booked_by_actor)
       values ($1, $2, $3, $4, $5, $6, $7, $8, 'booked', 'staff', $9)`,
      [
        randomUUID(),
        dataset.structureId,
        attempt.siteId,
        attempt.practitionerId,
        attempt.patientId,
        dataset.consultation.id,
        attempt.startsAt,
        new Date(attempt.startsAt.getTime() + SLOT_MINUTES * 60_000),
        dataset.secretary.id,
      ],
    );
  return async (attempt: BookingAttempt): Promise<Outcome> => {
    // Concurrent inserts under the exclusion constraint can deadlock; PostgreSQL rolls one back and the service's
    // transactions run it again (at most 3 attempts, @msp/persistence): the baseline does the same work.
    for (let tries = 1; ; tries++) {
      try {
        await insert(attempt);
        return { outcome: 'booked' };
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === '23P01') return { outcome: 'slot-taken' };
        if (code === '40P01' && tries < RAW_DEADLOCK_ATTEMPTS) continue;
        return { outcome: code === '40P01' ? 'deadlock' : 'error', detail: code ?? (error as Error).message };
      }
    }
  };
}

/** As many attempts as the service's transactions make on a deadlock. */
const RAW_DEADLOCK_ATTEMPTS = 3;

/** Live appointments of a practitioner that overlap another live one on the day: must always be 0. */
export async function doubleBookings(pool: Pool, structureId: string, day: string): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    `select count(*) as n from appointment a join appointment b
       on a.practitioner_id = b.practitioner_id and a.id < b.id
      and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
      where a.structure_id = $1 and a.status <> 'cancelled' and b.status <> 'cancelled'
        and a.starts_at::date between $2::date - 1 and $2::date + 1`,
    [structureId, day],
  );
  return Number(rows[0].n);
}

export interface BookingRoundResult {
  measurement: Measurement;
  run: LoadRun<BookingAttempt>;
}

/** One round: a fresh day, `attempts` attempts, `concurrency` clients, then the checks a user cares about. */
export async function bookingRound(
  stack: BenchStack,
  seeded: SeededDataset,
  pool: Pool,
  path: 'raw-pg' | 'subgraph' | 'gateway',
  concurrency: number,
  attempts: number,
  label: string,
): Promise<BookingRoundResult> {
  const { dataset } = seeded;
  const day = seeded.takeFreeDay();
  const planned = planAttempts(dataset, day, attempts, concurrency * 1000 + attempts);
  const operation =
    path === 'raw-pg'
      ? insertRaw(pool, dataset)
      : bookThrough(path === 'gateway' ? seeded.gateway : seeded.subgraph, dataset);
  const cpu = new CpuAccount(stack.pids);
  const before = cpu.sample();
  const run = await runClosedLoop(planned, concurrency, operation, ROUND_CAP_SECONDS * 1000);
  const done = run.results.length;
  const cpuMs = CpuAccount.perOperation(before, cpu.sample(), done);
  const counts = countOutcomes(run.results);
  const distinct = new Set(run.results.map(({ item }) => `${item.practitionerId}/${item.startsAt.toISOString()}`)).size;
  const booked = counts.booked ?? 0;
  const measurement: Measurement = {
    id: `${path}-${concurrency}`,
    label,
    kind: 'latency',
    concurrency,
    operations: done,
    // Every distinct slot is won exactly once; anything else than booked / slot taken is an error.
    errors: done - booked - (counts['slot-taken'] ?? 0),
    throughputPerSecond: round(done / run.wallSeconds),
    latencyMs: summarize(run.results.map((r) => r.latencyMs)),
    cpuMsPerOperation: cpuMs,
    extra: {
      booked,
      slotTaken: counts['slot-taken'] ?? 0,
      deadlocks: counts.deadlock ?? 0,
      distinctSlots: distinct,
      doubleBookings: await doubleBookings(pool, dataset.structureId, day),
    },
  };
  if (path !== 'raw-pg') measurement.baselineOf = `raw-pg-${concurrency}`;
  else measurement.baseline = true;
  const unexpected = run.results.find((r) => r.outcome === 'error');
  if (unexpected) measurement.extra = { ...measurement.extra, firstErrorIndex: run.results.indexOf(unexpected) };
  return { measurement, run };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Scenario 1: booking under contention, at the subgraph and through the gateway, against raw inserts. */
export async function bookingScenario(
  stack: BenchStack,
  seeded: SeededDataset,
  scale: BenchScale,
): Promise<ScenarioResult> {
  const started = performance.now();
  const pool = new Pool({ connectionString: stack.schedulingDatabaseUrl, max: 10, application_name: 'bench-raw' });
  const measurements: Measurement[] = [];
  const notes: string[] = [];
  try {
    // Warm-up, not reported: JIT, connection pools, the gateway's query plan.
    await bookingRound(
      stack,
      seeded,
      pool,
      'gateway',
      4,
      Math.min(40, scale.bookingAttempts[scale.concurrencies[0]]),
      'warm-up',
    );
    for (const concurrency of scale.concurrencies) {
      const attempts = scale.bookingAttempts[concurrency];
      const rounds = [
        ['raw-pg', `Raw pg inserts, ${concurrency} clients`],
        ['subgraph', `Scheduling subgraph, ${concurrency} clients`],
        ['gateway', `Through the gateway, ${concurrency} clients`],
      ] as const;
      for (const [path, label] of rounds) {
        const result = await bookingRound(stack, seeded, pool, path, concurrency, attempts, label);
        measurements.push(result.measurement);
        if (result.run.results.length < attempts)
          notes.push(
            `${label}: stopped after ${result.run.results.length} of ${attempts} attempts (${ROUND_CAP_SECONDS} s cap)`,
          );
        const firstError = result.run.results.find((r) => r.outcome === 'error');
        if (firstError) notes.push(`${label}: unexpected answer "${firstError.detail}"`);
      }
    }
  } finally {
    await pool.end();
  }
  return {
    id: 'booking',
    title: `Booking under contention (${Math.round(COLLIDING_SHARE * 100)} % colliding)`,
    dataset: seeded.dataset.size.name,
    durationSeconds: (performance.now() - started) / 1000,
    measurements,
    targets: bookingTargets(measurements),
    notes,
  };
}

export function bookingTargets(measurements: readonly Measurement[]): TargetCheck[] {
  const targets: TargetCheck[] = [];
  for (const m of measurements.filter((x) => x.baselineOf)) {
    const raw = measurements.find((x) => x.id === m.baselineOf);
    if (!raw?.throughputPerSecond || !raw.latencyMs || !m.throughputPerSecond || !m.latencyMs) continue;
    const share = m.throughputPerSecond / raw.throughputPerSecond;
    // On cores every part shares, the cost per booking against the cost per raw insert is what bounds both ratios.
    const limitedBy = `${describeCpu(m.cpuMsPerOperation)}; a raw insert: ${describeCpu(raw.cpuMsPerOperation)}`;
    const p99 = m.latencyMs.p99 / raw.latencyMs.p99;
    targets.push(
      targetCheck(
        `${m.label}: throughput ≥ 25 % of raw inserts`,
        `${Math.round(share * 100)} %`,
        '≥ 25 %',
        share >= 0.25,
        limitedBy,
      ),
      targetCheck(`${m.label}: p99 ≤ 2× the raw p99`, `${p99.toFixed(2)}×`, '≤ 2×', p99 <= 2, limitedBy),
    );
  }
  for (const m of measurements) {
    const doubles = m.extra?.doubleBookings ?? 0;
    targets.push(targetCheck(`${m.label}: no double booking`, String(doubles), '0', doubles === 0));
  }
  return targets;
}

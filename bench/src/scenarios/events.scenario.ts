import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { withDatabase } from '../load/database';
import { targetCheck } from './target-check';
import { runClosedLoop } from '../load/closed-loop';
import { summarize } from '../load/latency';
import type { Measurement, ScenarioResult, TargetCheck } from '../report/bench-result';
import type { BenchScale, BenchStack, SeededDataset } from './bench-context';
import { bookThrough, planAttempts } from './booking.scenario';

const BOOKED = 'scheduling.appointment.booked.v1';

/**
 * The baseline: one message at a time produced (acks=all, idempotent, as the relay does) and consumed by a consumer
 * group on the same broker, each waited for before the next.
 */
export async function rawKafkaRoundTrips(brokers: string[], samples: number): Promise<number[]> {
  const kafka = new Kafka({ clientId: 'bench-roundtrip', brokers, logLevel: logLevel.NOTHING });
  const topic = `bench.roundtrip.${randomUUID()}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId: `bench-roundtrip-${randomUUID()}`, maxWaitTimeInMs: 100 });
  const waiting = new Map<string, (at: number) => void>();
  try {
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => waiting.get(message.key?.toString() ?? '')?.(performance.now()),
    });
    const roundTrip = async (key: string): Promise<number> => {
      const received = new Promise<number>((resolve) => waiting.set(key, resolve));
      const before = performance.now();
      await producer.send({ topic, acks: -1, messages: [{ key, value: JSON.stringify({ key, at: Date.now() }) }] });
      return (await received) - before;
    };
    // The group's first join and fetch are not part of a round trip.
    await roundTrip('warm-up');
    const latencies: number[] = [];
    for (let i = 0; i < samples; i++) latencies.push(await roundTrip(String(i)));
    return latencies;
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}

/**
 * From a committed booking to its effect in scheduling's own consumer of `appointment.booked`: the start of the
 * booking's transaction (its outbox row's `created_at`) to the start of the consumer's transaction (its inbox row's
 * `processed_at`), both on PostgreSQL's clock, for every booking since `since`. Waits until each booking was consumed.
 */
export async function bookingToConsumer(
  schedulingUrl: string,
  since: Date,
  expected: number,
  timeoutMs = 60_000,
): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  return withDatabase(schedulingUrl, async (client) => {
    for (;;) {
      const { rows } = await client.query<{ ms: number }>(
        `select extract(epoch from (i.processed_at - o.created_at)) * 1000 as ms
           from outbox_message o join inbox_message i on i.event_id = o.event_id::text
          where o.event_type = $1 and i.event_type = $1 and o.created_at >= $2`,
        [BOOKED, since],
      );
      if (rows.length >= expected || Date.now() > deadline) return rows.map((r) => Number(r.ms));
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });
}

function databaseNow(url: string): Promise<Date> {
  return withDatabase(
    url,
    async (client) => (await client.query<{ now: Date }>('select clock_timestamp() as now')).rows[0].now,
  );
}

function latencyMeasurement(id: string, label: string, samples: number[], extra: Partial<Measurement>): Measurement {
  return { id, label, kind: 'latency', operations: samples.length, errors: 0, latencyMs: summarize(samples), ...extra };
}

/** Scenario 3: event propagation, idle and while 16 secretaries book, against a raw kafkajs round trip. */
export async function eventsScenario(
  stack: BenchStack,
  seeded: SeededDataset,
  scale: BenchScale,
): Promise<ScenarioResult> {
  const started = performance.now();
  const samples = scale.propagationSamples;
  const raw = await rawKafkaRoundTrips(stack.kafkaBrokers, samples);
  const book = bookThrough(seeded.gateway, seeded.dataset);
  const notes: string[] = [];

  // Idle: one booking at a time, each a distinct slot.
  const idleSince = await databaseNow(stack.schedulingDatabaseUrl);
  const idleAttempts = planAttempts(seeded.dataset, seeded.takeFreeDay(), samples, 7).slice(0, samples);
  const distinctIdle = [
    ...new Map(idleAttempts.map((a) => [`${a.practitionerId}${a.startsAt.toISOString()}`, a])).values(),
  ];
  const idleRun = await runClosedLoop(distinctIdle, 1, async (attempt) => {
    const outcome = await book(attempt);
    await new Promise((resolve) => setTimeout(resolve, 20));
    return outcome;
  });
  const idleBooked = idleRun.results.filter((r) => r.outcome === 'booked').length;
  const idle = await bookingToConsumer(stack.schedulingDatabaseUrl, idleSince, idleBooked);

  // Under load: the bookings of a 16-client round, each event followed.
  const loadSince = await databaseNow(stack.schedulingDatabaseUrl);
  const concurrency = Math.max(...scale.concurrencies.filter((c) => c <= 16), scale.concurrencies[0]);
  const loadRun = await runClosedLoop(
    planAttempts(seeded.dataset, seeded.takeFreeDay(), scale.bookingAttempts[scale.concurrencies[0]], 11),
    concurrency,
    book,
  );
  const loadBooked = loadRun.results.filter((r) => r.outcome === 'booked').length;
  const loaded = await bookingToConsumer(stack.schedulingDatabaseUrl, loadSince, loadBooked);
  if (idle.length < idleBooked || loaded.length < loadBooked)
    notes.push(
      `Not every booking reached the consumer within a minute: ${idle.length}/${idleBooked} idle, ${loaded.length}/${loadBooked} under load`,
    );

  const measurements = [
    latencyMeasurement('kafka-raw', 'Raw kafkajs produce → consume (same broker)', raw, { baseline: true }),
    latencyMeasurement('booking-idle', 'Booking committed → scheduling consumer, idle', idle, {
      baselineOf: 'kafka-raw',
      errors: idleBooked - idle.length,
    }),
    latencyMeasurement(
      'booking-loaded',
      `Booking committed → scheduling consumer, ${concurrency} clients booking`,
      loaded,
      {
        baselineOf: 'kafka-raw',
        concurrency,
        errors: loadBooked - loaded.length,
      },
    ),
  ];
  return {
    id: 'events',
    title: 'Event propagation',
    dataset: seeded.dataset.size.name,
    durationSeconds: (performance.now() - started) / 1000,
    measurements,
    targets: eventTargets(measurements),
    notes,
  };
}

export function eventTargets(measurements: readonly Measurement[]): TargetCheck[] {
  const raw = measurements.find((m) => m.baseline)?.latencyMs;
  if (!raw) return [];
  return measurements
    .filter((m) => m.baselineOf && m.latencyMs)
    .map((m) => {
      const ratio = (m.latencyMs?.p99 ?? 0) / raw.p99;
      return targetCheck(
        `${m.label}: p99 < 3× the raw round trip's p99`,
        `${ratio.toFixed(2)}× (${m.latencyMs?.p99} ms vs ${raw.p99} ms)`,
        '< 3×',
        ratio < 3,
      );
    });
}

import type { BenchResult, Measurement } from '../src/report/bench-result';

/**
 * A run as `npm run bench` writes it: booking and events set against their baselines (booking misses a target), a
 * memory footprint, and a scenario skipped for lack of time.
 */
export function benchResultFixture(): BenchResult {
  return {
    startedAt: '2026-11-30T09:05:12.000Z',
    finishedAt: '2026-11-30T09:41:42.000Z',
    budgetSeconds: 2700,
    smoke: false,
    machine: {
      cpus: 2,
      cpuModel: 'Intel(R) Xeon(R) CPU @ 2.20GHz',
      memoryGb: 7.8,
      node: 'v24.21.0',
      postgres: 'PostgreSQL 17.6',
      kafka: 'Kafka 4.1.0 (KRaft)',
      platform: 'linux x64',
    },
    datasets: [
      {
        name: 'base',
        practitioners: 50,
        sites: 4,
        motifs: 120,
        patients: 20_000,
        appointments: 150_000,
        seedSeconds: 8.4,
      },
    ],
    scenarios: [
      {
        id: 'booking',
        title: 'Booking an appointment',
        dataset: 'base',
        durationSeconds: 60,
        measurements: [
          {
            id: 'raw-pg-16',
            label: 'Raw INSERT through pg, 16 clients',
            kind: 'latency',
            baseline: true,
            concurrency: 16,
            operations: 57_000,
            errors: 0,
            throughputPerSecond: 950,
            latencyMs: { p50: 0.8, p90: 2.1, p99: 5, max: 31, mean: 1.1 },
          },
          {
            id: 'gateway-16',
            label: 'Booking through the gateway, 16 clients',
            kind: 'latency',
            baselineOf: 'raw-pg-16',
            concurrency: 16,
            operations: 5700,
            errors: 3,
            throughputPerSecond: 95,
            latencyMs: { p50: 9.6, p90: 14.2, p99: 20, max: 187.3, mean: 10.4 },
            extra: { doubleBookings: 0, slotTaken: 37 },
          },
        ],
        targets: [
          {
            description: 'booking throughput ≥ 25 % of raw inserts (gateway, 16 clients)',
            measured: '10 %',
            target: '≥ 25 %',
            met: false,
            limitedBy: 'query planning in the gateway: 60 % of its CPU',
          },
          {
            description: 'no double booking',
            measured: '0',
            target: '0',
            met: true,
          },
        ],
        notes: ['The gateway process saturates one core; PostgreSQL stays under 30 % CPU.'],
      },
      {
        id: 'events',
        title: 'Publishing domain events',
        dataset: 'base',
        durationSeconds: 45,
        measurements: [
          {
            id: 'raw-kafkajs-8',
            label: 'Raw kafkajs send, 8 producers',
            kind: 'latency',
            baseline: true,
            concurrency: 8,
            operations: 540_000,
            errors: 0,
            throughputPerSecond: 12_000,
            latencyMs: { p50: 4, p90: 6.5, p99: 9, max: 44, mean: 4.3 },
          },
          {
            id: 'outbox-8',
            label: 'Outbox relay to Kafka, 8 producers',
            kind: 'latency',
            baselineOf: 'raw-kafkajs-8',
            concurrency: 8,
            operations: 135_000,
            errors: 0,
            throughputPerSecond: 3000,
            latencyMs: { p50: 12, p90: 21, p99: 30, max: 95, mean: 13.1 },
          },
        ],
        targets: [
          {
            description: 'outbox throughput ≥ 20 % of raw kafkajs',
            measured: '25 %',
            target: '≥ 20 %',
            met: true,
          },
        ],
        notes: [],
      },
      {
        id: 'footprint',
        title: 'Memory footprint',
        dataset: 'base',
        durationSeconds: 90,
        measurements: [
          memory('gateway-idle', 'gateway', 'idle', 118.2),
          memory('gateway-load', 'gateway', 'under load', 181.6),
          memory('scheduling-idle', 'scheduling', 'idle', 96.4),
          memory('scheduling-load', 'scheduling', 'under load', 142.9),
        ],
        targets: [],
        notes: [],
      },
    ],
    skipped: [{ id: 'scale', reason: 'would not fit the budget: needs about 20 min, 6 min left' }],
  };
}

function memory(id: string, service: string, phase: string, mb: number): Measurement {
  return { id, label: `${service}, ${phase}`, kind: 'memory', service, phase, value: mb, unit: 'MB' };
}

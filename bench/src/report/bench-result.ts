/**
 * What one `npm run bench` measured, written to `bench/results/<date>.json` and rendered into the markdown report.
 * Every figure of a scenario stands beside the baseline measured in the same run (`baselineOf`), so that ratios hold on
 * a noisy machine even when the absolute numbers move.
 */
export interface BenchResult {
  /** ISO instants of the run. */
  startedAt: string;
  finishedAt: string;
  /** Whole-run time budget; scenarios that would not fit are listed in `skipped`. */
  budgetSeconds: number;
  /** True for the short harness check of `npm test`: its figures mean nothing. */
  smoke: boolean;
  machine: MachineFacts;
  datasets: DatasetFacts[];
  scenarios: ScenarioResult[];
  skipped: SkippedScenario[];
}

export interface MachineFacts {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  postgres: string;
  kafka: string;
  platform: string;
}

export interface DatasetFacts {
  /** "base" (50 practitioners) or "scale" (10×). */
  name: string;
  practitioners: number;
  sites: number;
  motifs: number;
  patients: number;
  appointments: number;
  /** How long seeding with COPY took. */
  seedSeconds: number;
}

export interface ScenarioResult {
  /** Stable id: booking, slots-and-week, events, footprint, scale… (later services add theirs). */
  id: string;
  title: string;
  dataset: string;
  durationSeconds: number;
  measurements: Measurement[];
  targets: TargetCheck[];
  /** Findings worth a line in the report (what limits a figure, what was skipped inside the scenario). */
  notes: string[];
}

export type MeasurementKind = 'latency' | 'memory' | 'duration';

export interface Measurement {
  /** Unique within the scenario, e.g. "gateway-16" or "raw-pg-16". */
  id: string;
  /** Human label, e.g. "Booking through the gateway, 16 clients". */
  label: string;
  kind: MeasurementKind;
  /** Id of the measurement in the same scenario this one is compared with (the baseline), if any. */
  baselineOf?: string;
  /** True for baselines (raw pg, raw kafkajs…). */
  baseline?: boolean;
  concurrency?: number;
  /** Operations attempted and how many failed unexpectedly (an expected "slot taken" is not an error). */
  operations?: number;
  errors?: number;
  throughputPerSecond?: number;
  latencyMs?: LatencySummary;
  /** For memory: resident set size in megabytes; for duration: seconds. */
  value?: number;
  unit?: string;
  /** For memory: the process measured ("gateway", "scheduling"…) and when ("idle", "under load"), charted side by side. */
  service?: string;
  phase?: string;
  /**
   * CPU milliseconds each part of the stack spent per operation during the measurement (services, postgres, kafka,
   * load generator): where the cost goes when every part shares the same cores.
   */
  cpuMsPerOperation?: Record<string, number>;
  /** Anything else worth printing: double bookings, slot-taken answers, access-log rows per view… */
  extra?: Record<string, number>;
}

export interface LatencySummary {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export interface TargetCheck {
  /** e.g. "booking throughput ≥ 25 % of raw inserts (gateway, 16 clients)". */
  description: string;
  /** e.g. "31 %". */
  measured: string;
  /** e.g. "≥ 25 %". */
  target: string;
  met: boolean;
  /** When not met: what limits it, as found by profiling. */
  limitedBy?: string;
}

export interface SkippedScenario {
  id: string;
  reason: string;
}

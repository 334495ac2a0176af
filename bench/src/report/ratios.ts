import type { Measurement, ScenarioResult } from './bench-result';

/** A measurement set against the baseline of the same run it names in `baselineOf`. */
export interface BaselineRatios {
  baseline: Measurement;
  /** Throughput as a fraction of the baseline's (0.1: a tenth of it). */
  throughput?: number;
  /** p99 latency as a multiple of the baseline's (4: four times as long). */
  p99?: number;
}

/** Undefined for a measurement compared with nothing; a figure missing on either side leaves its ratio undefined. */
export function ratiosToBaseline(scenario: ScenarioResult, measurement: Measurement): BaselineRatios | undefined {
  if (measurement.baselineOf === undefined) return undefined;
  const baseline = scenario.measurements.find((candidate) => candidate.id === measurement.baselineOf);
  if (!baseline) {
    throw new Error(
      `Scenario "${scenario.id}": measurement "${measurement.id}" names baseline "${measurement.baselineOf}", which the scenario does not have.`,
    );
  }
  return {
    baseline,
    throughput: quotient(measurement.throughputPerSecond, baseline.throughputPerSecond),
    p99: quotient(measurement.latencyMs?.p99, baseline.latencyMs?.p99),
  };
}

function quotient(value: number | undefined, reference: number | undefined): number | undefined {
  return value === undefined || !reference ? undefined : value / reference;
}

import type { LatencySummary } from '../report/bench-result';

/** Exact percentiles (nearest rank) of the recorded latencies: runs are small enough to keep every sample. */
export function summarize(samplesMs: readonly number[]): LatencySummary {
  if (!samplesMs.length) return { p50: 0, p90: 0, p99: 0, max: 0, mean: 0 };
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return {
    p50: round(rank(50)),
    p90: round(rank(90)),
    p99: round(rank(99)),
    max: round(sorted[sorted.length - 1]),
    mean: round(sorted.reduce((sum, v) => sum + v, 0) / sorted.length),
  };
}

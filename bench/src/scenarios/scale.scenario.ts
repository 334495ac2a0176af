import type { Measurement, ScenarioResult } from '../report/bench-result';

/**
 * Scenario 5: the booking and read scenarios run again on the 10× dataset, each figure beside the same figure on the
 * base dataset (its baseline here), so the ratios say how cost grows with the data.
 */
export function scaleScenario(
  base: readonly ScenarioResult[],
  scaled: readonly ScenarioResult[],
  seedSeconds: number,
): ScenarioResult {
  const measurements: Measurement[] = [];
  const notes: string[] = [];
  for (const scenario of scaled) {
    const before = base.find((b) => b.id === scenario.id);
    for (const m of scenario.measurements) {
      const previous = before?.measurements.find((b) => b.id === m.id);
      if (previous) {
        measurements.push({
          ...previous,
          id: `base:${m.id}`,
          label: `${previous.label} — base data`,
          baseline: true,
          baselineOf: undefined,
        });
      }
      measurements.push({
        ...m,
        id: `scale:${m.id}`,
        label: `${m.label} — 10× data`,
        baseline: undefined,
        baselineOf: previous ? `base:${m.id}` : undefined,
      });
      if (previous?.latencyMs && m.latencyMs) {
        const p99 = m.latencyMs.p99 / previous.latencyMs.p99;
        const throughput =
          m.throughputPerSecond && previous.throughputPerSecond
            ? `, throughput ×${(m.throughputPerSecond / previous.throughputPerSecond).toFixed(2)}`
            : '';
        notes.push(`${m.label}: p99 ×${p99.toFixed(2)}${throughput} with 10× the data`);
      }
    }
  }
  return {
    id: 'scale',
    title: 'Scale: the same scenarios on 10× the data',
    dataset: 'scale',
    durationSeconds: scaled.reduce((sum, s) => sum + s.durationSeconds, seedSeconds),
    measurements,
    targets: scaled.flatMap((s) => s.targets.map((t) => ({ ...t, description: `At 10×: ${t.description}` }))),
    notes: [`Seeded with COPY in ${seedSeconds.toFixed(1)} s`, ...notes, ...scaled.flatMap((s) => s.notes)],
  };
}

/** What one operation ended with: an outcome name the scenario chose ("booked", "slot-taken", "error"…). */
export interface Outcome {
  outcome: string;
  detail?: string;
}

export interface LoadRun<T> {
  /** Per operation, in the order given. */
  results: { item: T; outcome: string; detail?: string; latencyMs: number; finishedAt: number }[];
  wallSeconds: number;
}

/**
 * A closed loop: `concurrency` clients each take the next item, run it, wait for the answer, take the next, until the
 * list is done — the load a team of secretaries makes, not an open firehose. `finishedAt` is `performance.timeOrigin +
 * performance.now()` in ms, comparable with PostgreSQL's clock on the same machine.
 */
export async function runClosedLoop<T>(
  items: readonly T[],
  concurrency: number,
  operation: (item: T) => Promise<Outcome>,
  /** No new operation starts after this long: a slow path is measured on what it did, and the run stays in budget. */
  stopAfterMs = Number.POSITIVE_INFINITY,
): Promise<LoadRun<T>> {
  const results: LoadRun<T>['results'] = new Array(items.length);
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < items.length && performance.now() - started < stopAfterMs) {
      const index = next++;
      const before = performance.now();
      let outcome: Outcome;
      try {
        outcome = await operation(items[index]);
      } catch (error) {
        outcome = { outcome: 'error', detail: error instanceof Error ? error.message : String(error) };
      }
      const after = performance.now();
      results[index] = {
        item: items[index],
        ...outcome,
        latencyMs: after - before,
        finishedAt: performance.timeOrigin + after,
      };
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, client));
  return { results: results.filter(Boolean), wallSeconds: (performance.now() - started) / 1000 };
}

export function countOutcomes(results: readonly { outcome: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { outcome } of results) counts[outcome] = (counts[outcome] ?? 0) + 1;
  return counts;
}

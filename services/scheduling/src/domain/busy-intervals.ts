import type { Interval } from './interval';

/** Sorted, with overlapping or touching intervals merged: what "busy" means to someone planning around it. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start.getTime() - b.start.getTime());
  const merged: Interval[] = [];
  for (const next of sorted) {
    const last = merged.at(-1);
    if (last && next.start.getTime() <= last.end.getTime()) {
      if (next.end.getTime() > last.end.getTime()) last.end = next.end;
    } else {
      merged.push({ start: next.start, end: next.end });
    }
  }
  return merged;
}

/** The parts of `intervals` inside `window`. */
export function clipTo(intervals: readonly Interval[], window: Interval): Interval[] {
  return intervals
    .filter((i) => i.start.getTime() < window.end.getTime() && window.start.getTime() < i.end.getTime())
    .map((i) => ({
      start: new Date(Math.max(i.start.getTime(), window.start.getTime())),
      end: new Date(Math.min(i.end.getTime(), window.end.getTime())),
    }));
}

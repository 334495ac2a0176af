import { readFileSync } from 'node:fs';
import type { Measurement, ScenarioResult, TargetCheck } from '../report/bench-result';
import type { BenchStack } from './bench-context';
import { targetCheck } from './target-check';

const IDLE_LIMIT_MB = 200;

/** Resident set size of a process in MB, from /proc (Linux); undefined when it is gone or /proc is not there. */
export function residentMb(pid: number): number | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? Math.round(Number(line.replace(/\D+/g, '')) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** Samples each service's memory every `everyMs` while load runs and keeps each one's peak. */
export class MemorySampler {
  private readonly peaks = new Map<string, number>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly processes: readonly { name: string; pid: number }[]) {}

  snapshot(): Map<string, number> {
    const now = new Map<string, number>();
    for (const { name, pid } of this.processes) {
      const mb = residentMb(pid);
      if (mb !== undefined) now.set(name, mb);
    }
    return now;
  }

  start(everyMs = 250): void {
    const sample = () => {
      for (const [name, mb] of this.snapshot()) this.peaks.set(name, Math.max(mb, this.peaks.get(name) ?? 0));
    };
    sample();
    this.timer = setInterval(sample, everyMs);
  }

  stop(): Map<string, number> {
    clearInterval(this.timer);
    return new Map(this.peaks);
  }
}

/**
 * Scenario 4: the stack's start-up time and each service's resident memory idle (seeded, before any load) and at its
 * peak while the booking scenario ran.
 */
export function footprintScenario(
  stack: BenchStack,
  idle: Map<string, number>,
  underLoad: Map<string, number>,
  loadLabel: string,
): ScenarioResult {
  const measurements: Measurement[] = [
    {
      id: 'startup',
      label: 'Whole stack start-up (PostgreSQL, Kafka, topics, every service ready)',
      kind: 'duration',
      value: Math.round(stack.startupSeconds * 10) / 10,
      unit: 's',
    },
  ];
  const targets: TargetCheck[] = [];
  for (const [name, mb] of idle) {
    measurements.push({ id: `${name}-idle`, label: `${name}, idle`, kind: 'memory', value: mb, unit: 'MB' });
    const peak = underLoad.get(name);
    if (peak !== undefined)
      measurements.push({
        id: `${name}-load`,
        label: `${name}, ${loadLabel}`,
        kind: 'memory',
        value: peak,
        unit: 'MB',
      });
    targets.push(targetCheck(`${name}: resident memory idle`, `${mb} MB`, `< ${IDLE_LIMIT_MB} MB`, mb < IDLE_LIMIT_MB));
  }
  return {
    id: 'footprint',
    title: 'Footprint: memory and start-up',
    dataset: 'base',
    durationSeconds: 0,
    measurements,
    targets,
    notes: [],
  };
}

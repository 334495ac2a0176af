import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

function cpuTicks(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces, hence the last ')'): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

function pidsNamed(command: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === command) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/**
 * CPU time each part of the stack spends, read from /proc before and after a measurement: the services by pid,
 * PostgreSQL (every backend, the bench's own connections included) and Kafka (the JVM) by command name, and the load
 * generator itself. Divided by the operations, it says where an operation's cost goes on a machine whose cores all
 * parts share. On a system without /proc every figure is 0.
 */
export type CpuSample = Map<string, Map<number, number>>;

export class CpuAccount {
  constructor(private readonly services: readonly { name: string; pid: number }[]) {}

  /** Ticks of each process, by part; a process counts from its first sample, so one that ends meanwhile is not negative. */
  sample(): CpuSample {
    const parts: CpuSample = new Map();
    const add = (part: string, pids: number[]) =>
      parts.set(part, new Map(pids.map((pid) => [pid, cpuTicks(pid)] as const)));
    for (const { name, pid } of this.services) add(name, [pid]);
    add('postgres', pidsNamed('postgres'));
    add('kafka', pidsNamed('java'));
    add('load generator', [process.pid]);
    return parts;
  }

  /** CPU milliseconds per operation of each part between two samples. */
  static perOperation(before: CpuSample, after: CpuSample, operations: number): Record<string, number> {
    const result: Record<string, number> = {};
    for (const [part, pids] of after) {
      let ticks = 0;
      for (const [pid, now] of pids) ticks += now - (before.get(part)?.get(pid) ?? 0);
      const ms = (ticks / TICKS_PER_SECOND) * 1000;
      result[part] = Math.round((ms / Math.max(operations, 1)) * 100) / 100;
    }
    return result;
  }
}

/** "9.1 ms of CPU per operation: scheduling 4.2, postgres 2.9, gateway 1.1, …", the largest parts first. */
export function describeCpu(cpuMsPerOperation: Record<string, number> | undefined): string | undefined {
  if (!cpuMsPerOperation) return undefined;
  const parts = Object.entries(cpuMsPerOperation)
    .filter(([, ms]) => ms > 0)
    .sort((a, b) => b[1] - a[1]);
  const total = parts.reduce((sum, [, ms]) => sum + ms, 0);
  return `${total.toFixed(1)} ms of CPU per operation: ${parts.map(([part, ms]) => `${part} ${ms.toFixed(1)}`).join(', ')}`;
}

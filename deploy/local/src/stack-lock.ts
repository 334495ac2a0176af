import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from '@msp/infra';

/** What a running launcher publishes about itself in its lock file (also read by tools such as `npm run dlq:replay`). */
export interface StackState {
  pid: number;
  startedAt: string;
  dataDir: string;
  status: 'starting' | 'running' | 'stopping';
  gatewayUrl?: string;
  kafkaBrokers?: string;
  services?: { name: string; pid: number; url: string; logFile: string }[];
}

export class StackAlreadyRunningError extends Error {
  constructor(
    readonly state: StackState,
    lockFile: string,
  ) {
    const where = state.gatewayUrl ? `gateway at ${state.gatewayUrl}` : `status: ${state.status}`;
    super(
      `Another local stack is already running (pid ${state.pid}, ${where}, data in ${state.dataDir}).\n` +
        `  Stop it with Ctrl-C in its terminal or \`kill ${state.pid}\`; its lock file is ${lockFile}.`,
    );
    this.name = 'StackAlreadyRunningError';
  }
}

export function lockFilePath(dataDir: string): string {
  return join(dataDir, 'local-stack.lock');
}

/** Whether `pid` is a live Node process (a pid recycled by an unrelated program after a crash does not count). */
function isLiveLauncher(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node');
  } catch {
    return true; // no /proc (macOS): trust the pid
  }
}

function readState(file: string): StackState | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as StackState;
  } catch {
    return undefined; // missing, or half-written by a launcher killed at that instant
  }
}

/** The stack currently running on `dataDir`, if any. */
export function runningStack(dataDir: string): StackState | undefined {
  const state = readState(lockFilePath(dataDir));
  return state && isLiveLauncher(state.pid) ? state : undefined;
}

/**
 * One launcher per data folder. The lock file is created atomically (`O_EXCL`); a lock left by a launcher that was killed
 * (its pid is gone) is replaced. Holds the launcher's published state until `release()`.
 */
export class StackLock {
  private constructor(
    readonly file: string,
    private state: StackState,
  ) {}

  static acquire(dataDir: string): StackLock {
    const file = lockFilePath(dataDir);
    const state: StackState = { pid: process.pid, startedAt: new Date().toISOString(), dataDir, status: 'starting' };
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const fd = openSync(file, 'wx');
        writeFileSync(fd, JSON.stringify(state, null, 2));
        closeSync(fd);
        return new StackLock(file, state);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readState(file);
      if (holder && holder.pid !== process.pid && isLiveLauncher(holder.pid))
        throw new StackAlreadyRunningError(holder, file);
      if (!holder && attempt === 0) {
        // Possibly being written right now by a launcher that just won the race: look again before calling it stale.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
        continue;
      }
      rmSync(file, { force: true }); // stale: its launcher was killed
    }
    throw new Error(`Could not take the lock ${file}`);
  }

  get current(): StackState {
    return this.state;
  }

  update(patch: Partial<Omit<StackState, 'pid' | 'startedAt' | 'dataDir'>>): void {
    this.state = { ...this.state, ...patch };
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.state, null, 2));
    renameSync(temporary, this.file);
  }

  /** Removes the lock file if it is still ours. */
  release(): void {
    if (existsSync(this.file) && readState(this.file)?.pid === process.pid) rmSync(this.file, { force: true });
  }
}

import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { openSync } from 'node:fs';

const hasSetpriv = spawnSync('setpriv', ['--version']).status === 0;

/**
 * Starts a long-running helper process whose output goes to `logFile`. Where util-linux's `setpriv` exists the child is
 * asked to receive SIGTERM when its parent dies, so even a parent killed with SIGKILL leaves no stray broker behind.
 */
export function spawnTied(
  command: string,
  args: string[],
  logFile: string,
  env: NodeJS.ProcessEnv = process.env,
): ChildProcess {
  const out = openSync(logFile, 'a');
  const [cmd, argv] = hasSetpriv ? ['setpriv', ['--pdeathsig', 'TERM', '--', command, ...args]] : [command, args];
  return spawn(cmd, argv, { stdio: ['ignore', out, out], env });
}

/** Sends SIGTERM, waits up to `graceMs` for the exit, then SIGKILL. */
export async function terminate(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

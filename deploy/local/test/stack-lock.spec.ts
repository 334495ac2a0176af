import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockFilePath, runningStack, StackAlreadyRunningError, StackLock } from '../src/stack-lock';

describe('StackLock', () => {
  let dir: string;
  let other: ChildProcess | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'stack-lock-'));
  });
  afterEach(() => {
    other?.kill('SIGKILL');
    other = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  const foreignLock = (pid: number, extra: object = {}) =>
    writeFileSync(
      lockFilePath(dir),
      JSON.stringify({ pid, startedAt: 'x', dataDir: dir, status: 'running', ...extra }),
    );

  /** The lock is this process's, on disk too, and releasing it frees the folder. */
  const expectOurs = (lock: StackLock) => {
    expect(lock.current).toMatchObject({ pid: process.pid, status: 'starting', dataDir: dir });
    expect(JSON.parse(readFileSync(lockFilePath(dir), 'utf8'))).toMatchObject({ pid: process.pid, status: 'starting' });
    lock.release();
    expect(existsSync(lockFilePath(dir))).toBe(false);
  };

  it('publishes its state and removes the file on release', () => {
    const lock = StackLock.acquire(dir);
    lock.update({ status: 'running', gatewayUrl: 'http://127.0.0.1:4000' });
    expect(JSON.parse(readFileSync(lockFilePath(dir), 'utf8'))).toMatchObject({
      pid: process.pid,
      status: 'running',
      gatewayUrl: 'http://127.0.0.1:4000',
    });
    expect(runningStack(dir)?.gatewayUrl).toBe('http://127.0.0.1:4000');
    lock.release();
    expect(existsSync(lockFilePath(dir))).toBe(false);
    expect(runningStack(dir)).toBeUndefined();
  });

  it('refuses to start while another live launcher holds the lock, and says where it runs', async () => {
    other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    await new Promise((resolve) => other?.once('spawn', resolve));
    foreignLock(other.pid as number, { gatewayUrl: 'http://127.0.0.1:4000' });
    expect(() => StackLock.acquire(dir)).toThrow(StackAlreadyRunningError);
    expect(() => StackLock.acquire(dir)).toThrow(
      new RegExp(`already running \\(pid ${other.pid}, gateway at http://127.0.0.1:4000`),
    );
    expect(JSON.parse(readFileSync(lockFilePath(dir), 'utf8')).pid).toBe(other.pid); // untouched
  });

  it('replaces the lock of a launcher that was killed', async () => {
    const dead = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((resolve) => dead.once('exit', resolve));
    foreignLock(dead.pid as number);
    expectOurs(StackLock.acquire(dir));
  });

  it('does not mistake an unrelated live process with a recycled pid for a launcher', async () => {
    other = spawn('sleep', ['60'], { stdio: 'ignore' });
    await new Promise((resolve) => other?.once('spawn', resolve));
    foreignLock(other.pid as number);
    expect(runningStack(dir)).toBeUndefined();
    expectOurs(StackLock.acquire(dir));
  });

  it('replaces an unreadable lock file', () => {
    writeFileSync(lockFilePath(dir), '{ half-writ');
    expect(runningStack(dir)).toBeUndefined();
    expectOurs(StackLock.acquire(dir));
  });
});

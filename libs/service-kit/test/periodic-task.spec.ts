import { PeriodicTask } from '../src';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PeriodicTask (the timer of a background job)', () => {
  it('never starts a run while the previous one is still going, and reports each finished run', async () => {
    let started = 0;
    let release!: () => void;
    const done: number[] = [];
    const task = new PeriodicTask(
      () => {
        started++;
        return new Promise<number>((resolve) => (release = () => resolve(started)));
      },
      { onDone: (n) => done.push(n), onFailure: () => undefined },
    );
    task.start(10);
    await tick(80);
    expect(started).toBe(1);
    release();
    await tick(40);
    expect(done[0]).toBe(1);
    expect(started).toBeGreaterThan(1);
    release();
    await task.stop();
  });

  it('hands a failed run to onFailure and tries again at the next tick', async () => {
    const failures: string[] = [];
    let runs = 0;
    const task = new PeriodicTask(
      async () => {
        runs++;
        throw new Error(`run ${runs} failed`);
      },
      { onDone: () => undefined, onFailure: (error) => failures.push(error.message) },
    );
    task.start(10);
    await tick(60);
    await task.stop();
    expect(failures.slice(0, 2)).toEqual(['run 1 failed', 'run 2 failed']);
  });

  it('stops after the run in flight has finished', async () => {
    let finished = false;
    const task = new PeriodicTask(
      async () => {
        await tick(50);
        finished = true;
      },
      { onDone: () => undefined, onFailure: () => undefined },
    );
    task.start(5);
    await tick(15);
    await task.stop();
    expect(finished).toBe(true);
  });
});

import { BackgroundWatch } from '../src/background-watch';

describe('BackgroundWatch', () => {
  it('stop cuts a long pause short and resolves only once the body has ended', async () => {
    const watch = new BackgroundWatch();
    const steps: string[] = [];
    void watch.start(async () => {
      while (watch.goesOn()) {
        steps.push('look');
        await watch.pause(60_000);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
      steps.push('ended');
    }, fail);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(watch.active).toBe(true);
    const started = Date.now();
    await watch.stop();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(steps).toEqual(['look', 'ended']);
    expect(watch.active).toBe(false);
  });

  it('stops looking at the deadline, and a pause after stop returns at once', async () => {
    const watch = new BackgroundWatch();
    let looks = 0;
    await watch.start(async () => {
      const deadline = Date.now() + 50;
      while (watch.goesOn(deadline)) {
        looks++;
        await watch.pause(20);
      }
    }, fail);
    expect(looks).toBeGreaterThanOrEqual(2);
    expect(looks).toBeLessThanOrEqual(4);
    await watch.stop();
    const started = Date.now();
    await watch.pause(60_000);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("hands the body's error to onError and ends the loop", async () => {
    const watch = new BackgroundWatch();
    const errors: string[] = [];
    await watch.start(
      () => Promise.reject(new Error('directory unreachable')),
      (error) => errors.push(error.message),
    );
    expect(errors).toEqual(['directory unreachable']);
    expect(watch.active).toBe(false);
  });
});

function fail(error: Error): never {
  throw error;
}

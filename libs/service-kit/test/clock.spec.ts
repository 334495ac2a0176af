import { setTimeout as sleep } from 'node:timers/promises';
import { Clock } from '../src/clock';

describe('Clock', () => {
  const clock = new Clock();
  const past = new Date('2026-10-05T08:30:00Z');

  it('tells the real time outside at()', () => {
    const before = Date.now();
    const now = clock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('tells the given instant inside at(), across awaits of that call chain', async () => {
    const seen = await clock.at(past, async () => {
      const first = clock.now().toISOString();
      await sleep(5);
      return [first, clock.now().toISOString()];
    });
    expect(seen).toEqual([past.toISOString(), past.toISOString()]);
  });

  it('leaves work running meanwhile on the real time', async () => {
    let outside = new Date(0);
    await clock.at(past, async () => {
      await new Promise<void>((resolve) =>
        setImmediate(() => {
          outside = clock.now();
          resolve();
        }),
      );
    });
    // setImmediate scheduled inside at() keeps its context; work started outside it does not.
    const concurrent = new Promise<Date>((resolve) => setTimeout(() => resolve(clock.now()), 1));
    await clock.at(past, () => sleep(5));
    expect((await concurrent).getTime()).toBeGreaterThan(past.getTime() + 1e9);
    expect(outside.toISOString()).toBe(past.toISOString());
  });

  it('does not let a caller change the instant it was given', async () => {
    const instant = new Date(past.getTime());
    await clock.at(instant, async () => {
      clock.now().setFullYear(2000);
      instant.setFullYear(2001);
      expect(clock.now().toISOString()).toBe(past.toISOString());
    });
  });
});

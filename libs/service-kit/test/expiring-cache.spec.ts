import { ExpiringCache } from '../src/expiring-cache';

describe('ExpiringCache', () => {
  let now = 0;
  const cache = () => new ExpiringCache<string, number>({ ttlMs: 1_000, maxEntries: 2, now: () => now });

  beforeEach(() => {
    now = 0;
  });

  it('keeps an entry until its time is up', () => {
    const c = cache();
    c.set('a', 1);
    now = 999;
    expect(c.get('a')).toBe(1);
    now = 1_000;
    expect(c.get('a')).toBeUndefined();
    expect(c.size).toBe(0);
  });

  it('drops the oldest entry past its size, counting a refreshed entry as new', () => {
    const c = cache();
    c.set('a', 1);
    c.set('b', 2);
    c.set('a', 10);
    c.set('c', 3);
    expect([c.get('a'), c.get('b'), c.get('c')]).toEqual([10, undefined, 3]);
    expect(c.size).toBe(2);
  });
});

import { localDateOf } from './local-date';
import { parseWallTime } from './wall-time';
import { atWallTime } from './zoned-time';

describe('atWallTime', () => {
  it('moves a time skipped by the spring change forward, as clocks do', () => {
    expect(atWallTime('2026-03-29', parseWallTime('02:30', 't'), 'Europe/Paris').toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });

  it('reads 24:00 as the next midnight', () => {
    expect(atWallTime('2026-03-28', parseWallTime('24:00', 't'), 'Europe/Paris').toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
  });

  it('gives local dates in the zone', () => {
    expect(localDateOf(new Date('2026-03-29T22:30:00Z'), 'Europe/Paris')).toBe('2026-03-30');
    expect(localDateOf(new Date('2026-03-30T02:00:00Z'), 'America/Cayenne')).toBe('2026-03-29');
  });
});

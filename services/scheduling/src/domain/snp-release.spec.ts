import { isSnpIndex, snpReleaseInstant } from './snp-release';

describe('snpReleaseInstant', () => {
  it.each([
    [
      '18:00 the day before, CET',
      { daysBefore: 1, at: '18:00' },
      '2026-03-23',
      'Europe/Paris',
      '2026-03-22T17:00:00.000Z',
    ],
    [
      '18:00 the day before the first CEST Monday',
      { daysBefore: 1, at: '18:00' },
      '2026-03-30',
      'Europe/Paris',
      '2026-03-29T16:00:00.000Z',
    ],
    [
      '08:00 the same day, CEST',
      { daysBefore: 0, at: '08:00' },
      '2026-10-23',
      'Europe/Paris',
      '2026-10-23T06:00:00.000Z',
    ],
    [
      '08:00 the same day, after the October change',
      { daysBefore: 0, at: '08:00' },
      '2026-10-26',
      'Europe/Paris',
      '2026-10-26T07:00:00.000Z',
    ],
    [
      '08:00 the same day in Reunion',
      { daysBefore: 0, at: '08:00' },
      '2026-03-30',
      'Indian/Reunion',
      '2026-03-30T04:00:00.000Z',
    ],
    [
      '18:00 the day before in Cayenne',
      { daysBefore: 1, at: '18:00' },
      '2026-03-30',
      'America/Cayenne',
      '2026-03-29T21:00:00.000Z',
    ],
  ])('%s', (_label, rule, date, zone, expected) => {
    expect(snpReleaseInstant(rule, date, zone).toISOString()).toBe(expected);
  });
});

describe('isSnpIndex', () => {
  const flagged = (count: number, share: number) =>
    Array.from({ length: count }, (_, i) => i).filter((i) => isSnpIndex(i, share));

  it('takes floor(count × share) slots, spread evenly', () => {
    expect(flagged(9, 1 / 3)).toEqual([2, 5, 8]);
    expect(flagged(9, 0.25)).toEqual([3, 7]);
    expect(flagged(10, 0.5)).toEqual([1, 3, 5, 7, 9]);
  });

  it('none at 0, all at 1', () => {
    expect(flagged(9, 0)).toEqual([]);
    expect(flagged(9, 1)).toHaveLength(9);
  });
});

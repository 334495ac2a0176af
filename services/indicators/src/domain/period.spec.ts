import { parsePeriod, parseWeek } from './period';

describe('periods', () => {
  it('reads a month as its local dates, February of a leap year included', () => {
    expect(parsePeriod('2026-11', 'period')).toEqual({
      kind: 'month',
      code: '2026-11',
      start: '2026-11-01',
      end: '2026-11-30',
      days: 30,
    });
    expect(parsePeriod('2028-02', 'period')).toMatchObject({ end: '2028-02-29', days: 29 });
  });

  it('reads an ISO week from its Monday to its Sunday, across a year end', () => {
    expect(parsePeriod('2026-W48', 'period')).toMatchObject({ start: '2026-11-23', end: '2026-11-29', days: 7 });
    expect(parseWeek('2026-W53', 'week')).toMatchObject({ start: '2026-12-28', end: '2027-01-03' });
  });

  it('refuses what is neither, naming the argument', () => {
    expect(() => parsePeriod('2026-13', 'period')).toThrow(/^period: .*neither a month/);
    expect(() => parsePeriod('2025-W53', 'period')).toThrow(/^period: 2025-W53 is not a week of 2025/);
    expect(() => parseWeek('2026-11', 'week')).toThrow(/^week: expected an ISO week/);
  });
});

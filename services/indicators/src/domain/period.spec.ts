import { localDateOf, monthsBetween, parsePeriod, parseWeek } from './period';

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

  it('lists the months of a history in order, across a year end, and refuses a reversed or too long one', () => {
    expect(monthsBetween('2026-11', '2027-02').map((p) => [p.code, p.end])).toEqual([
      ['2026-11', '2026-11-30'],
      ['2026-12', '2026-12-31'],
      ['2027-01', '2027-01-31'],
      ['2027-02', '2027-02-28'],
    ]);
    expect(monthsBetween('2026-01', '2026-01')).toHaveLength(1);
    expect(() => monthsBetween('2026-W01', '2026-02')).toThrow(/^from: expected a month/);
    expect(() => monthsBetween('2026-03', '2026-02')).toThrow(/^to: 2026-02 is before 2026-03/);
    expect(() => monthsBetween('2024-01', '2027-01')).toThrow(/^to: 37 months asked, at most 36/);
  });

  it('says the local date of an instant in a zone: 23:30 UTC on 31 October is 1 November in Paris', () => {
    expect(localDateOf(new Date('2026-10-31T23:30:00Z'), 'Europe/Paris')).toBe('2026-11-01');
    expect(localDateOf(new Date('2026-10-31T23:30:00Z'), 'UTC')).toBe('2026-10-31');
  });
});

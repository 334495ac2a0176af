import { isoWeekBounds, isoWeekOf, isoWeeksBetween } from './iso-week';

describe('ISO weeks in Europe/Paris', () => {
  it('counts Sunday 23:30 UTC as the next Monday in Paris', () => {
    expect(isoWeekOf(new Date('2026-11-29T23:30:00Z'))).toBe('2026-W49');
    expect(isoWeekOf(new Date('2026-11-29T23:30:00Z'), 'UTC')).toBe('2026-W48');
  });

  it('gives the first days of January to the last week of the previous year when ISO says so', () => {
    expect(isoWeekOf(new Date('2027-01-01T10:00:00Z'))).toBe('2026-W53');
  });

  it('spans a week from Monday midnight in Paris, across the autumn clock change', () => {
    const bounds = isoWeekBounds('2026-W43')!;
    expect(bounds.from.toISOString()).toBe('2026-10-18T22:00:00.000Z');
    expect(bounds.to.toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('refuses a week that does not exist', () => {
    expect(isoWeekBounds('2025-W53')).toBeNull();
    expect(() => isoWeeksBetween('2026-W1', '2026-W02')).toThrow(/fromWeek/);
  });

  it('lists the weeks between two, across a year', () => {
    expect(isoWeeksBetween('2026-W52', '2027-W02')).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
  });
});

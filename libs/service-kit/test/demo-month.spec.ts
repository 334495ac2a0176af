import { DemoDraw, demoMonth } from '../src/demo-month';

describe('demoMonth', () => {
  it('is the calendar month before now in the zone, November 2026 without its two public holidays', () => {
    const month = demoMonth(new Date('2026-12-01T06:00:00Z'), 'Europe/Paris');
    expect(month.month).toBe('2026-11');
    expect(month.days).toHaveLength(30);
    expect(month.days.filter((d) => d.holiday).map((d) => d.date)).toEqual(['2026-11-01', '2026-11-11']);
    // 21 weekdays in November 2026, Armistice (a Wednesday) apart; All Saints is a Sunday.
    expect(month.workingDays).toHaveLength(20);
    expect(month.workingDays.every((d) => d.weekday <= 5)).toBe(true);
  });

  it('takes the month of the zone, not of UTC, at the turn of a month', () => {
    // 23:30 UTC on 31 December is already 1 January in Paris, still 31 December in Martinique.
    expect(demoMonth(new Date('2026-12-31T23:30:00Z'), 'Europe/Paris').month).toBe('2026-12');
    expect(demoMonth(new Date('2026-12-31T23:30:00Z'), 'America/Martinique').month).toBe('2026-11');
  });
});

describe('DemoDraw', () => {
  it('draws the same sequence from the same seed, another from another seed', () => {
    const draws = (seed: string) => {
      const draw = new DemoDraw(seed);
      return Array.from({ length: 20 }, () => draw.int(0, 1000));
    };
    expect(draws('structure-a')).toEqual(draws('structure-a'));
    expect(draws('structure-a')).not.toEqual(draws('structure-b'));
  });

  it('keeps whole numbers within bounds and counts around their mean', () => {
    const draw = new DemoDraw('bounds');
    const ints = Array.from({ length: 2000 }, () => draw.int(3, 7));
    expect(Math.min(...ints)).toBe(3);
    expect(Math.max(...ints)).toBe(7);
    const counts = Array.from({ length: 4000 }, () => draw.count(15.5));
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    expect(mean).toBeGreaterThan(15);
    expect(mean).toBeLessThan(16);
    const hits = Array.from({ length: 10000 }, () => draw.chance(0.026)).filter(Boolean).length;
    expect(hits).toBeGreaterThan(200);
    expect(hits).toBeLessThan(330);
  });
});

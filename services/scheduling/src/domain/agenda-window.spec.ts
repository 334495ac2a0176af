import { daySpan, spanWindow, weekSpan } from './agenda-window';

const hours = (w: { start: Date; end: Date }) => (w.end.getTime() - w.start.getTime()) / 3_600_000;

describe('agenda windows in the site zone', () => {
  it('a day is local midnight to midnight', () => {
    const window = spanWindow(daySpan('2026-03-30', 'date'), 'Europe/Paris');
    expect(window).toEqual({ start: new Date('2026-03-29T22:00:00Z'), end: new Date('2026-03-30T22:00:00Z') });
  });

  it('the spring-forward day lasts 23 hours, the autumn one 25', () => {
    expect(hours(spanWindow(daySpan('2026-03-29', 'date'), 'Europe/Paris'))).toBe(23);
    expect(hours(spanWindow(daySpan('2026-10-25', 'date'), 'Europe/Paris'))).toBe(25);
    expect(hours(spanWindow(daySpan('2026-10-25', 'date'), 'Indian/Reunion'))).toBe(24);
  });

  it('a week is Monday to Sunday around the date, 167 hours across the spring change', () => {
    expect(weekSpan('2026-03-26', 'date')).toEqual({ from: '2026-03-23', to: '2026-03-29' });
    expect(weekSpan('2026-03-23', 'date')).toEqual({ from: '2026-03-23', to: '2026-03-29' });
    expect(weekSpan('2026-03-29', 'date')).toEqual({ from: '2026-03-23', to: '2026-03-29' });
    expect(hours(spanWindow(weekSpan('2026-03-26', 'date'), 'Europe/Paris'))).toBe(167);
  });

  it('names the field of a bad date', () => {
    expect(() => daySpan('30/03/2026', 'date')).toThrow(/^date: "30\/03\/2026" is not a date YYYY-MM-DD$/);
    expect(() => weekSpan('2026-02-30', 'date')).toThrow(/^date:/);
  });
});

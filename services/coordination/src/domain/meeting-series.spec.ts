import { firstSeriesDate, normaliseSeriesRule, occurrencesOn, seriesDates } from './meeting-series';

describe('meeting series rules', () => {
  it('normalises a rule and refuses what could give two meetings a day, naming the field', () => {
    expect(normaliseSeriesRule('rrule:freq=monthly;byday=1tu')).toBe('FREQ=MONTHLY;BYDAY=1TU');
    for (const rule of ['FREQ=HOURLY', 'FREQ=MINUTELY', 'FREQ=DAILY;BYHOUR=9,14', 'FREQ=WEEKLY;UNTIL=20270101', ''])
      expect(() => normaliseSeriesRule(rule, 'input.rrule')).toThrow(/^input\.rrule: /);
    expect(() => normaliseSeriesRule('FREQ=WEEKLY;BYDAY=XX')).toThrow(/BYDAY/);
  });

  it('refuses a rule that never meets before its end', () => {
    expect(() => firstSeriesDate('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', '2026-01-01', null)).toThrow(/no meeting/);
    expect(() => firstSeriesDate('FREQ=MONTHLY;BYDAY=1TU', '2026-09-02', '2026-10-05')).toThrow(/no meeting/);
    expect(firstSeriesDate('FREQ=MONTHLY;BYDAY=1TU', '2026-09-02', null)).toBe('2026-10-06');
  });

  it('gives the first Tuesdays, then 12:30 Paris time on each, across the DST change', () => {
    const dates = seriesDates('FREQ=MONTHLY;BYDAY=1TU', '2026-09-01', '2026-09-15', '2026-12-31');
    expect(dates).toEqual(['2026-10-06', '2026-11-03', '2026-12-01']);
    expect(occurrencesOn(dates, '12:30', 90, 'Europe/Paris').map((o) => o.startsAt.toISOString())).toEqual([
      '2026-10-06T10:30:00.000Z',
      '2026-11-03T11:30:00.000Z',
      '2026-12-01T11:30:00.000Z',
    ]);
  });

  it('keeps COUNT anchored at the series start whatever the window', () => {
    expect(seriesDates('FREQ=WEEKLY;COUNT=3', '2026-09-01', '2026-09-10', '2026-12-31')).toEqual(['2026-09-15']);
  });
});

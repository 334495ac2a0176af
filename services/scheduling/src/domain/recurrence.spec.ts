import fc from 'fast-check';
import { DateTime } from 'luxon';
import { RRule } from 'rrule';
import { normaliseRecurrence, occurrenceDates, weeklyRecurrence } from './recurrence';

describe('normaliseRecurrence', () => {
  it('drops the RRULE: prefix, trims and upper-cases', () => {
    expect(normaliseRecurrence('  rrule:freq=monthly;bymonthday=15  ', 'input.recurrence')).toBe(
      'FREQ=MONTHLY;BYMONTHDAY=15',
    );
  });

  it.each([
    ['an empty rule', ' ', /^input\.recurrence: must be an RRULE/],
    ['a start date', 'FREQ=WEEKLY;DTSTART=20260101T000000Z', /^input\.recurrence: DTSTART is not allowed/],
    ['a part without value', 'FREQ=WEEKLY;BYDAY=', /^input\.recurrence: BYDAY has no value/],
    ['a zero interval', 'FREQ=WEEKLY;INTERVAL=0', /^input\.recurrence: INTERVAL must be a positive number/],
    ['a count in words', 'FREQ=DAILY;COUNT=three', /^input\.recurrence: COUNT must be a positive number/],
    ['a rule without FREQ', 'BYDAY=MO', /^input\.recurrence: FREQ must be DAILY, WEEKLY or MONTHLY/],
    ['a yearly rule', 'FREQ=YEARLY', /^input\.recurrence: FREQ must be DAILY, WEEKLY or MONTHLY/],
    ['a lower-case weekday list with a bad day', 'freq=weekly;byday=mo,xx', /^input\.recurrence: BYDAY=MO,XX/],
  ])('refuses %s, naming the field', (_label, rule, message) => {
    expect(() => normaliseRecurrence(rule, 'input.recurrence')).toThrow(message);
  });

  it('accepts positional weekdays such as the last Friday of the month', () => {
    expect(normaliseRecurrence('FREQ=MONTHLY;BYDAY=-1FR', 'r')).toBe('FREQ=MONTHLY;BYDAY=-1FR');
  });
});

describe('weeklyRecurrence', () => {
  it('sorts and de-duplicates ISO weekdays, Sunday being 7', () => {
    expect(weeklyRecurrence([7, 1, 3, 1], 'input.weekdays')).toBe('FREQ=WEEKLY;BYDAY=MO,WE,SU');
  });

  it.each([
    ['no weekday', [], /^input\.weekdays: must list at least one weekday/],
    ['weekday 0', [0], /^input\.weekdays: weekdays are 1 \(Monday\) to 7 \(Sunday\)/],
    ['a fractional weekday', [1.5], /^input\.weekdays: weekdays are 1/],
  ])('refuses %s, naming the field', (_label, weekdays, message) => {
    expect(() => weeklyRecurrence(weekdays, 'input.weekdays')).toThrow(message);
  });
});

describe('occurrenceDates', () => {
  it('includes both bounds', () => {
    expect(occurrenceDates('FREQ=WEEKLY;BYDAY=MO,FR', '2026-01-01', '2026-03-02', '2026-03-13')).toEqual([
      '2026-03-02',
      '2026-03-06',
      '2026-03-09',
      '2026-03-13',
    ]);
  });

  it('gives each local date exactly once across the Paris DST changes (dates carry no offset)', () => {
    expect(occurrenceDates('FREQ=DAILY', '2026-01-01', '2026-03-28', '2026-03-30')).toEqual([
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
    ]);
    expect(occurrenceDates('FREQ=DAILY', '2026-01-01', '2026-10-24', '2026-10-26')).toEqual([
      '2026-10-24',
      '2026-10-25',
      '2026-10-26',
    ]);
  });

  it('starts at the anchor when the window opens earlier, and counts COUNT from the anchor, not the window', () => {
    expect(occurrenceDates('FREQ=WEEKLY;BYDAY=TU', '2026-03-10', '2026-03-01', '2026-03-24')).toEqual([
      '2026-03-10',
      '2026-03-17',
      '2026-03-24',
    ]);
    expect(occurrenceDates('FREQ=WEEKLY;BYDAY=TU;COUNT=2', '2026-03-10', '2026-03-15', '2026-04-30')).toEqual([
      '2026-03-17',
    ]);
  });

  it('keeps a fortnightly rhythm from the anchor whatever window is asked', () => {
    expect(occurrenceDates('FREQ=WEEKLY;INTERVAL=2;BYDAY=FR', '2026-01-02', '2026-03-01', '2026-03-31')).toEqual([
      '2026-03-13',
      '2026-03-27',
    ]);
  });

  it('skips months without the day and finds the last Friday', () => {
    expect(occurrenceDates('FREQ=MONTHLY;BYMONTHDAY=31', '2026-01-01', '2026-01-01', '2026-05-31')).toEqual([
      '2026-01-31',
      '2026-03-31',
      '2026-05-31',
    ]);
    expect(occurrenceDates('FREQ=MONTHLY;BYDAY=-1FR', '2026-01-01', '2026-02-01', '2026-04-30')).toEqual([
      '2026-02-27',
      '2026-03-27',
      '2026-04-24',
    ]);
  });

  it('gives a range opened years ago the same dates as expanding it from its anchor, every rhythm kept', () => {
    const reference = (rule: string, anchor: string, from: string, to: string) =>
      new RRule({ ...RRule.parseString(rule), dtstart: new Date(`${anchor}T00:00:00Z`) })
        .between(new Date(`${from > anchor ? from : anchor}T00:00:00Z`), new Date(`${to}T00:00:00Z`), true)
        .map((d) => d.toISOString().slice(0, 10));
    const rules = fc.constantFrom(
      'FREQ=DAILY',
      'FREQ=DAILY;INTERVAL=3',
      'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR',
      'FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,SU;WKST=SU',
      'FREQ=WEEKLY;BYDAY=TU;COUNT=40',
    );
    const day = (min: string, max: string) =>
      fc
        .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        rules,
        day('2019-01-01', '2026-12-31'),
        day('2026-01-01', '2027-06-30'),
        fc.nat(60),
        (rule, anchor, from, span) => {
          const to = DateTime.fromISO(from, { zone: 'utc' }).plus({ days: span }).toISODate() as string;
          expect(occurrenceDates(rule, anchor, from, to)).toEqual(reference(rule, anchor, from, to));
        },
      ),
      { seed: 20261130, numRuns: 300 },
    );
  });

  it('returns nothing for a window that ends before it starts or before the anchor', () => {
    expect(occurrenceDates('FREQ=DAILY', '2026-01-01', '2026-03-10', '2026-03-09')).toEqual([]);
    expect(occurrenceDates('FREQ=DAILY', '2026-03-10', '2026-03-01', '2026-03-09')).toEqual([]);
  });

  it('gives the anchor itself when the window is that single day', () => {
    expect(occurrenceDates('FREQ=WEEKLY;BYDAY=SU', '2026-03-29', '2026-03-29', '2026-03-29')).toEqual(['2026-03-29']);
  });
});

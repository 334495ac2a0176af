import { range } from '../../test/fixtures/domain-builders';
import { createOpeningRange, rangeAllowsMotif } from './opening-range';
import { normaliseRecurrence, occurrenceDates, weeklyRecurrence } from './recurrence';

describe('createOpeningRange', () => {
  it('turns weekdays into a weekly RRULE and defaults SNP to none, released 18:00 the day before', () => {
    expect(range({ weekdays: [4, 1, 1] })).toMatchObject({
      recurrence: 'FREQ=WEEKLY;BYDAY=MO,TH',
      snpShare: 0,
      snpRelease: { daysBefore: 1, at: '18:00' },
      validUntil: null,
      motifIds: [],
    });
  });

  it('accepts and normalises an RRULE', () => {
    expect(range({ weekdays: null, recurrence: 'RRULE:freq=weekly;interval=2;byday=fr' }).recurrence).toBe(
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR',
    );
  });

  it.each<[string, Parameters<typeof range>[0], RegExp]>([
    ['end before start', { startTime: '12:00', endTime: '09:00' }, /^input\.endTime: must be after startTime 12:00$/],
    ['end equal to start', { startTime: '09:00', endTime: '09:00' }, /input\.endTime/],
    ['a malformed start', { startTime: '9h' }, /input\.startTime/],
    ['25:00', { endTime: '25:00' }, /input\.endTime/],
    ['both weekdays and RRULE', { recurrence: 'FREQ=WEEKLY;BYDAY=MO' }, /input\.recurrence: give either/],
    ['neither weekdays nor RRULE', { weekdays: [] }, /input\.recurrence: give either/],
    ['weekday 8', { weekdays: [8] }, /input\.weekdays/],
    [
      'RRULE with hours',
      { weekdays: null, recurrence: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=9' },
      /input\.recurrence: BYHOUR is not allowed/,
    ],
    [
      'RRULE with UNTIL',
      { weekdays: null, recurrence: 'FREQ=WEEKLY;UNTIL=20261231T000000Z' },
      /input\.recurrence: UNTIL is not allowed/,
    ],
    ['hourly RRULE', { weekdays: null, recurrence: 'FREQ=HOURLY' }, /input\.recurrence: FREQ must be/],
    ['bad BYDAY', { weekdays: null, recurrence: 'FREQ=WEEKLY;BYDAY=XX' }, /input\.recurrence: BYDAY=XX/],
    ['bad validFrom', { validFrom: '2026-02-30' }, /input\.validFrom/],
    ['validUntil before validFrom', { validFrom: '2026-03-01', validUntil: '2026-02-01' }, /input\.validUntil/],
    ['SNP share above 1', { snpShare: 1.5 }, /input\.snpShare/],
    ['SNP release at 18h', { snpRelease: { daysBefore: 1, at: '18h' } }, /input\.snpRelease\.at/],
    ['SNP release a month before', { snpRelease: { daysBefore: 30, at: '18:00' } }, /input\.snpRelease\.daysBefore/],
  ])('refuses %s, naming the field', (_label, overrides, message) => {
    expect(() => range(overrides)).toThrow(message);
  });

  it('with no motifs listed allows every motif, otherwise only those listed', () => {
    expect(rangeAllowsMotif(range(), 'any')).toBe(true);
    expect(rangeAllowsMotif(range({ motifIds: ['a'] }), 'a')).toBe(true);
    expect(rangeAllowsMotif(range({ motifIds: ['a'] }), 'b')).toBe(false);
  });

  it('keeps ids as given', () => {
    const built = createOpeningRange({
      id: 'r',
      structureId: 's',
      practitionerId: 'p',
      siteId: 'x',
      weekdays: [1],
      startTime: '08:00',
      endTime: '24:00',
      validFrom: '2026-01-01',
    });
    expect(built).toMatchObject({ id: 'r', structureId: 's', practitionerId: 'p', siteId: 'x', endTime: '24:00' });
  });
});

describe('recurrence', () => {
  it('expands dates floating, whatever the zone', () => {
    expect(occurrenceDates(weeklyRecurrence([1, 3], 'w'), '2026-03-01', '2026-03-23', '2026-04-01')).toEqual([
      '2026-03-23',
      '2026-03-25',
      '2026-03-30',
      '2026-04-01',
    ]);
  });

  it('anchors INTERVAL and COUNT at the first valid day', () => {
    expect(occurrenceDates('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', '2026-03-02', '2026-03-01', '2026-03-31')).toEqual([
      '2026-03-02',
      '2026-03-16',
      '2026-03-30',
    ]);
    expect(occurrenceDates('FREQ=DAILY;COUNT=3', '2026-03-28', '2026-03-01', '2026-04-30')).toEqual([
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
    ]);
  });

  it('supports monthly rules such as "first Tuesday"', () => {
    expect(
      occurrenceDates(normaliseRecurrence('FREQ=MONTHLY;BYDAY=1TU', 'r'), '2026-01-01', '2026-01-01', '2026-03-31'),
    ).toEqual(['2026-01-06', '2026-02-03', '2026-03-03']);
  });

  it('returns nothing before the anchor', () => {
    expect(occurrenceDates('FREQ=DAILY', '2026-05-01', '2026-03-01', '2026-04-30')).toEqual([]);
  });
});

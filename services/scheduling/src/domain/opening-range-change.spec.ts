import { range } from '../../test/fixtures/domain-builders';
import { appointmentsOutside, planRangeEdit, planRangeEnd } from './opening-range-change';
import { occurrenceDates } from './recurrence';

const TODAY = '2026-03-02'; // a Monday
const NEXT_ID = 'range-next';

describe('ending a range from a day on', () => {
  const weekdays = { ...range({ id: 'range-1', validFrom: '2026-01-05' }), version: 3 };

  it('ends it the day before, keeping everything else (the past stays as it was)', () => {
    expect(planRangeEnd(weekdays, '2026-03-16', TODAY)).toEqual({
      ended: { ...weekdays, validUntil: '2026-03-15' },
      from: '2026-03-16',
    });
  });

  it('withdraws a range ended on or before its first day: removed from that first day', () => {
    const future = range({ validFrom: '2026-04-01' });
    expect(planRangeEnd(future, '2026-03-20', TODAY)).toEqual({ ended: null, from: '2026-04-01' });
    expect(planRangeEnd(future, '2026-04-01', TODAY)).toEqual({ ended: null, from: '2026-04-01' });
  });

  it.each([
    ['a day already past', '2026-03-01', /input\.from: must be today \(2026-03-02\) or later/],
    ['a day after its last day', '2026-06-01', /input\.from: is after the range's last day 2026-05-31/],
    ['text that is not a date', 'lundi', /input\.from/],
  ])('refuses %s, naming input.from', (_label, from, message) => {
    const ending = range({ validFrom: '2026-01-05', validUntil: '2026-05-31' });
    expect(() => planRangeEnd(ending, from, TODAY)).toThrow(message);
  });
});

describe('editing a range from a day on', () => {
  it('ends a range that has begun the day before and continues it under a new id with the new hours', () => {
    const begun = range({ id: 'range-1', validFrom: '2026-01-05', validUntil: '2026-12-31' });
    const plan = planRangeEdit(begun, { startTime: '10:00' }, '2026-03-16', TODAY, NEXT_ID);
    expect(plan.ended).toEqual({ ...begun, validUntil: '2026-03-15' });
    expect(plan.next).toMatchObject({
      id: NEXT_ID,
      replaces: 'range-1',
      recurrence: begun.recurrence,
      startTime: '10:00',
      endTime: '12:00',
      validFrom: '2026-03-16',
      validUntil: '2026-12-31',
    });
  });

  it('keeps "every other Friday" on its Fridays: the continuation starts on the next day it occurred', () => {
    const fortnightly = range({
      weekdays: null,
      recurrence: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR',
      validFrom: '2026-01-02',
    });
    // Fridays 2 Jan + 2k weeks: 13 March is one, 6 March and 20 March are not.
    const plan = planRangeEdit(fortnightly, { endTime: '11:00' }, '2026-03-03', TODAY, NEXT_ID);
    expect(plan.next.validFrom).toBe('2026-03-13');
    const before = occurrenceDates(fortnightly.recurrence, fortnightly.validFrom, '2026-03-03', '2026-05-31');
    const after = occurrenceDates(plan.next.recurrence, plan.next.validFrom, '2026-03-03', '2026-05-31');
    expect(after).toEqual(before);
  });

  it('new days start from the edit day itself', () => {
    const begun = range({ validFrom: '2026-01-05' });
    const plan = planRangeEdit(begun, { weekdays: [2, 4] }, '2026-03-04', TODAY, NEXT_ID);
    expect(plan.next).toMatchObject({ recurrence: 'FREQ=WEEKLY;BYDAY=TU,TH', validFrom: '2026-03-04' });
  });

  it('rewrites in place, same id, a range that has not begun', () => {
    const future = range({ id: 'range-1', validFrom: '2026-04-06', motifIds: ['m1'] });
    const plan = planRangeEdit(future, { motifIds: [], snpShare: 0.2 }, '2026-03-10', TODAY, NEXT_ID);
    expect(plan.ended).toBeNull();
    expect(plan.next).toMatchObject({ id: 'range-1', validFrom: '2026-04-06', motifIds: [], snpShare: 0.2 });
  });

  it.each([
    ['nothing to change', {}, /^input: gives nothing to change/],
    ['an end before the start', { startTime: '13:00' }, /input\.endTime/],
    ['a share above 1', { snpShare: 2 }, /input\.snpShare/],
    ['days and a rule at once', { weekdays: [1], recurrence: 'FREQ=DAILY' }, /input\.recurrence/],
    ['a rule scheduling does not expand', { recurrence: 'FREQ=HOURLY' }, /input\.recurrence/],
  ])('refuses %s, naming the field', (_label, edits, message) => {
    expect(() => planRangeEdit(range({ validFrom: '2026-01-05' }), edits, '2026-03-16', TODAY, NEXT_ID)).toThrow(
      message,
    );
  });
});

describe('appointments outside the ranges', () => {
  const at = (iso: string) => new Date(iso);
  const appointment = (id: string, start: string, end: string, motifId = 'motif-consultation') => ({
    id,
    motifId,
    start: at(start),
    end: at(end),
  });

  it('are those no occurrence holds whole for their motif', () => {
    // Monday to Friday 09:00–12:00 Paris (UTC+1 in March before the 29th).
    const ranges = [range({ validFrom: '2026-01-05', validUntil: '2026-03-15', motifIds: ['motif-consultation'] })];
    const inside = appointment('a', '2026-03-09T08:00:00Z', '2026-03-09T08:20:00Z');
    const overlapsTheEnd = appointment('b', '2026-03-09T10:50:00Z', '2026-03-09T11:10:00Z');
    const afterTheLastDay = appointment('c', '2026-03-16T08:00:00Z', '2026-03-16T08:20:00Z');
    const otherMotif = appointment('d', '2026-03-10T08:00:00Z', '2026-03-10T08:20:00Z', 'motif-vaccination');
    const weekend = appointment('e', '2026-03-14T08:00:00Z', '2026-03-14T08:20:00Z');
    expect(
      appointmentsOutside([inside, overlapsTheEnd, afterTheLastDay, otherMotif, weekend], ranges, 'Europe/Paris').map(
        (a) => a.id,
      ),
    ).toEqual(['b', 'c', 'd', 'e']);
  });
});

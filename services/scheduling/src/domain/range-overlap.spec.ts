import { range } from '../../test/fixtures/domain-builders';
import { assertNoCrossSiteOverlap, firstOverlap } from './range-overlap';

const A = 'site-a';
const B = 'site-b';
const paris = (draft: Parameters<typeof range>[0]) => ({
  range: range({ siteId: A, ...draft }),
  timeZone: 'Europe/Paris',
});
const atB = (draft: Parameters<typeof range>[0], timeZone = 'Europe/Paris') => ({
  range: range({ siteId: B, ...draft }),
  timeZone,
});

describe('opening ranges of one practitioner across sites', () => {
  const morningAtA = paris({ id: 'range-a', weekdays: [1], startTime: '08:00', endTime: '12:00' });

  it('refuses a range starting inside another site’s, naming startTime and the range in the way', () => {
    expect(() =>
      assertNoCrossSiteOverlap(atB({ weekdays: [1], startTime: '11:00', endTime: '14:00' }), [morningAtA]),
    ).toThrow(
      /^input\.startTime: overlaps the practitioner's opening range range-a at site site-a \(08:00–12:00, FREQ=WEEKLY;BYDAY=MO, from 2026-01-01\), first on 2026-01-05$/,
    );
  });

  it('names endTime when the new range ends inside the other one', () => {
    expect(() =>
      assertNoCrossSiteOverlap(atB({ weekdays: [1], startTime: '07:00', endTime: '08:30' }), [morningAtA]),
    ).toThrow(/^input\.endTime: /);
  });

  it('accepts ranges that only touch, fall on other days, or are valid at other times', () => {
    for (const other of [
      atB({ weekdays: [1], startTime: '12:00', endTime: '14:00' }),
      atB({ weekdays: [2, 3], startTime: '08:00', endTime: '12:00' }),
      atB({ weekdays: [1], startTime: '08:00', endTime: '12:00', validFrom: '2025-01-01', validUntil: '2025-12-31' }),
    ])
      expect(() => assertNoCrossSiteOverlap(other, [morningAtA])).not.toThrow();
  });

  it('leaves ranges at the same site and other practitioners to other rules', () => {
    const sameSite = paris({ weekdays: [1], startTime: '09:00', endTime: '10:00' });
    const colleague = atB({ weekdays: [1], startTime: '09:00', endTime: '10:00', practitionerId: 'someone-else' });
    expect(() => assertNoCrossSiteOverlap(sameSite, [morningAtA])).not.toThrow();
    expect(() => assertNoCrossSiteOverlap(colleague, [morningAtA])).not.toThrow();
  });

  it('finds a first Monday of the month meeting a weekly Monday', () => {
    const monthly = atB({ weekdays: null, recurrence: 'FREQ=MONTHLY;BYDAY=1MO', startTime: '10:00', endTime: '11:00' });
    expect(firstOverlap(monthly, morningAtA)?.mine.date).toBe('2026-01-05');
  });

  it('compares instants between zones: London 11:30 is Paris 12:30, after a Paris morning; London 10:30 is not', () => {
    expect(
      firstOverlap(atB({ weekdays: [1], startTime: '11:30', endTime: '13:00' }, 'Europe/London'), morningAtA),
    ).toBeNull();
    expect(
      firstOverlap(atB({ weekdays: [1], startTime: '10:30', endTime: '13:00' }, 'Europe/London'), morningAtA),
    ).not.toBeNull();
  });

  it('holds on the day clocks go forward: Paris 08:00–12:00 and London 07:30–08:00 (Paris 08:30–09:00) overlap', () => {
    const sundayAtA = paris({
      weekdays: [7],
      startTime: '08:00',
      endTime: '12:00',
      validFrom: '2026-03-29',
      validUntil: '2026-03-29',
    });
    const sundayInLondon = atB(
      { weekdays: [7], startTime: '07:30', endTime: '08:00', validFrom: '2026-03-29', validUntil: '2026-03-29' },
      'Europe/London',
    );
    expect(firstOverlap(sundayInLondon, sundayAtA)?.mine.date).toBe('2026-03-29');
  });
});

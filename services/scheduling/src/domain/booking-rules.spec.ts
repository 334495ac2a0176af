import { GP, OTHER_GP, at, motif, range } from '../../test/fixtures/domain-builders';
import { assertBookable, assertReleasedSnpSlot, type BookingCheck } from './booking-rules';

function check(overrides: Partial<BookingCheck> = {}): BookingCheck {
  return {
    practitionerId: GP,
    startsAt: at('2026-03-30T07:00:00Z'), // Monday 09:00 Paris
    motif: motif({ minNoticeMinutes: 60, maxHorizonDays: 30 }),
    channel: 'staff',
    ranges: [range()],
    timeZone: 'Europe/Paris',
    exceptions: [],
    now: at('2026-03-27T10:00:00Z'),
    ...overrides,
  };
}

describe('assertBookable', () => {
  it('returns the interval of the motif duration', () => {
    expect(assertBookable(check())).toEqual({ start: at('2026-03-30T07:00:00Z'), end: at('2026-03-30T07:20:00Z') });
  });

  it('lets staff book off the grid anywhere inside a range, and ignores notice and horizon for them', () => {
    expect(() => assertBookable(check({ startsAt: at('2026-03-30T07:05:00Z') }))).not.toThrow();
    expect(() => assertBookable(check({ now: at('2026-03-30T06:59:00Z') }))).not.toThrow();
  });

  it.each<[string, Partial<BookingCheck>, RegExp]>([
    ['in the past', { now: at('2026-03-30T08:00:00Z') }, /^input\.startsAt: is in the past$/],
    [
      'outside the ranges',
      { startsAt: at('2026-03-30T12:00:00Z') },
      /input\.startsAt: is outside the practitioner's opening ranges/,
    ],
    ['overflowing the end of a range', { startsAt: at('2026-03-30T09:50:00Z') }, /input\.startsAt: is outside/],
    ['on a Saturday', { startsAt: at('2026-03-28T08:00:00Z') }, /input\.startsAt: is outside/],
    ['a motif the range does not allow', { ranges: [range({ motifIds: ['other'] })] }, /input\.startsAt: is outside/],
    [
      'during an absence',
      { exceptions: [{ start: at('2026-03-30T06:00:00Z'), end: at('2026-03-30T07:10:00Z') }] },
      /input\.startsAt: the practitioner is not available/,
    ],
    [
      'a motif staff may not book',
      { motif: motif({ bookableBy: ['online'] }) },
      /input\.motifId: this motif cannot be booked by staff/,
    ],
    ["another practitioner's motif", { motif: motif({ practitionerId: OTHER_GP }) }, /input\.motifId/],
    ['an invalid instant', { startsAt: new Date('x') }, /input\.startsAt: is not a valid instant/],
  ])('refuses %s', (_label, overrides, message) => {
    expect(() => assertBookable(check(overrides))).toThrow(message);
  });

  describe('for online patients and the virtual secretary', () => {
    it.each(['online', 'virtual_secretary'] as const)('%s: grid slots only, within notice and horizon', (channel) => {
      expect(() => assertBookable(check({ channel, startsAt: at('2026-03-30T07:20:00Z') }))).not.toThrow();
      expect(() => assertBookable(check({ channel, startsAt: at('2026-03-30T07:05:00Z') }))).toThrow(
        /is not one of the offered slots/,
      );
      expect(() => assertBookable(check({ channel, now: at('2026-03-30T06:30:00Z') }))).toThrow(/at least 60 minutes/);
      expect(() => assertBookable(check({ channel, now: at('2026-02-01T06:30:00Z') }))).toThrow(/within 30 days/);
    });

    it('refuses an SNP slot before its release, accepts it after; staff any time', () => {
      const ranges = [range({ snpShare: 1 / 3 })];
      const snpSlot = at('2026-03-30T07:40:00Z'); // third slot of the day
      expect(() =>
        assertBookable(check({ channel: 'online', ranges, startsAt: snpSlot, now: at('2026-03-29T15:00:00Z') })),
      ).toThrow(/unscheduled care/);
      expect(() =>
        assertBookable(check({ channel: 'online', ranges, startsAt: snpSlot, now: at('2026-03-29T16:00:00Z') })),
      ).not.toThrow();
      expect(() =>
        assertBookable(check({ channel: 'staff', ranges, startsAt: snpSlot, now: at('2026-03-29T15:00:00Z') })),
      ).not.toThrow();
    });
  });
});

describe('assertReleasedSnpSlot (a CPTS pool booking, SCH-4)', () => {
  const ranges = [range({ snpShare: 1 / 3 })];
  const snpSlot = at('2026-03-30T07:40:00Z'); // third slot of the day, SNP; released at 18:00 Paris the day before

  it('accepts a released SNP slot of the grid', () => {
    expect(() =>
      assertReleasedSnpSlot(check({ ranges, startsAt: snpSlot, now: at('2026-03-29T16:00:00Z') })),
    ).not.toThrow();
  });

  it('refuses it before its release, naming the instant', () => {
    expect(() => assertReleasedSnpSlot(check({ ranges, startsAt: snpSlot, now: at('2026-03-29T15:59:00Z') }))).toThrow(
      /input\.startsAt: this SNP slot is released to the CPTS at 2026-03-29T16:00:00\.000Z/,
    );
  });

  it.each([
    ['a slot kept for booking', { ranges, startsAt: at('2026-03-30T07:00:00Z') }],
    ['off the grid', { ranges, startsAt: at('2026-03-30T07:45:00Z') }],
    ['in a range without SNP share', { startsAt: snpSlot }],
    ['outside any range', { ranges, startsAt: at('2026-03-30T12:00:00Z') }],
  ])('refuses %s: not an SNP slot of the pool', (_what, overrides: Partial<BookingCheck>) => {
    expect(() => assertReleasedSnpSlot(check({ now: at('2026-03-29T16:00:00Z'), ...overrides }))).toThrow(
      /input\.startsAt: is not an SNP slot of the CPTS pool/,
    );
  });
});

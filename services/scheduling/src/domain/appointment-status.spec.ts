import { APPOINTMENT_STATUSES, canTransition } from './appointment-status';

describe('appointment status', () => {
  it.each([
    ['held', 'confirmed'],
    ['held', 'cancelled'],
    ['booked', 'arrived'],
    ['confirmed', 'no_show'],
    ['arrived', 'in_consultation'],
    ['in_consultation', 'done'],
  ] as const)('%s → %s is allowed', (from, to) => expect(canTransition(from, to)).toBe(true));

  it.each([
    ['booked', 'confirmed'],
    ['cancelled', 'booked'],
    ['done', 'cancelled'],
    ['no_show', 'arrived'],
    ['held', 'arrived'],
  ] as const)('%s → %s is refused', (from, to) => expect(canTransition(from, to)).toBe(false));

  it('ends nowhere from a final status', () => {
    for (const to of APPOINTMENT_STATUSES)
      for (const from of ['done', 'no_show', 'cancelled'] as const) expect(canTransition(from, to)).toBe(false);
  });
});

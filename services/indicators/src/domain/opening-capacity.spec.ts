import { openingCapacity, type OpeningRangeFact } from './opening-capacity';

const GP_A = 'a0000000-0000-4000-8000-000000000001';
const GP_B = 'b0000000-0000-4000-8000-000000000002';

function range(overrides: Partial<OpeningRangeFact>): OpeningRangeFact {
  return {
    openingRangeId: `r-${Math.random().toString(36).slice(2)}`,
    practitionerId: GP_A,
    siteId: 'paris',
    timeZone: 'Europe/Paris',
    recurrence: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
    startTime: '08:00',
    endTime: '12:00',
    validFrom: '2026-01-01',
    validUntil: null,
    snpShare: 0,
    snpSlot: null,
    removedAt: null,
    ...overrides,
  };
}
const at = (iso: string) => new Date(iso);

describe('openingCapacity', () => {
  it('unites overlapping ranges of a site, and counts a week of 5 mornings as 1,200 minutes', () => {
    const capacity = openingCapacity(
      [range({}), range({ practitionerId: GP_B, startTime: '10:00', endTime: '12:00' })],
      [],
      '2026-11-09',
      '2026-11-15',
    );
    expect(capacity.openingMinutes).toBe(5 * 240);
  });

  it('unites sites on the time line: 08:00–12:00 in Réunion and in Paris share an hour in November', () => {
    // Réunion (UTC+4) 04:00–08:00Z, Paris (UTC+1) 07:00–11:00Z: open 04:00–11:00Z, 420 minutes, not 480.
    const capacity = openingCapacity(
      [
        range({ recurrence: 'FREQ=WEEKLY;BYDAY=WE' }),
        range({
          practitionerId: GP_B,
          siteId: 'reunion',
          timeZone: 'Indian/Reunion',
          recurrence: 'FREQ=WEEKLY;BYDAY=WE',
        }),
      ],
      [],
      '2026-11-09',
      '2026-11-15',
    );
    expect(capacity.openingMinutes).toBe(420);
  });

  it('counts the real minutes of the week the clocks change: a whole-day range is 23 hours on 29 March', () => {
    const daily = range({ recurrence: 'FREQ=DAILY', startTime: '00:00', endTime: '24:00' });
    expect(openingCapacity([daily], [], '2026-03-23', '2026-03-29').openingMinutes).toBe(7 * 1440 - 60);
    expect(openingCapacity([daily], [], '2026-10-19', '2026-10-25').openingMinutes).toBe(7 * 1440 + 60);
  });

  it('keeps a fortnight’s rhythm, stops at validUntil and at the removal, and skips what it cannot read', () => {
    const capacity = openingCapacity(
      [
        range({ recurrence: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA', validFrom: '2026-11-07', startTime: '09:00' }),
        range({ recurrence: 'FREQ=WEEKLY;BYDAY=WE', validUntil: '2026-11-18' }),
        range({ recurrence: 'FREQ=WEEKLY;BYDAY=TU', removedAt: at('2026-11-12T12:00:00Z') }),
        range({ recurrence: 'FREQ=WEEKLY;BYDAY=XX' }),
      ],
      [],
      '2026-11-01',
      '2026-11-30',
    );
    // Saturdays 7 and 21 (180 min), Wednesdays 4, 11, 18 and Tuesdays 3, 10 (240 min each).
    expect(capacity.openingMinutes).toBe(2 * 180 + 5 * 240);
  });

  it('takes absences out of the opening and out of the SNP slots they overlap, for their practitioner only', () => {
    const snp = { snpShare: 0.5, snpSlot: { durationMinutes: 20, bufferAfterMinutes: 0 } };
    // Monday 23 November, 10:00–14:00 in Paris (09:00–13:00Z): 12 slots, SNP at 09:20, 10:00, 10:40, 11:20, 12:00, 12:40Z.
    const ranges = [
      range({ practitionerId: GP_B, recurrence: 'FREQ=WEEKLY;BYDAY=MO', startTime: '10:00', endTime: '14:00', ...snp }),
    ];
    const absence = { practitionerId: GP_B, start: at('2026-11-23T09:00:00Z'), end: at('2026-11-23T11:00:00Z') };
    const capacity = openingCapacity(ranges, [absence], '2026-11-23', '2026-11-23');
    expect(capacity).toEqual({ openingMinutes: 120, snpSlots: new Map([[GP_B, 3]]) });
    const colleagueAway = openingCapacity(ranges, [{ ...absence, practitionerId: GP_A }], '2026-11-23', '2026-11-23');
    expect(colleagueAway).toEqual({ openingMinutes: 240, snpSlots: new Map([[GP_B, 6]]) });
  });

  it('counts no SNP slot without a share or a grid', () => {
    const capacity = openingCapacity(
      [
        range({ snpShare: 0.25 }),
        range({ practitionerId: GP_B, snpSlot: { durationMinutes: 15, bufferAfterMinutes: 0 } }),
      ],
      [],
      '2026-11-09',
      '2026-11-09',
    );
    expect(capacity.snpSlots).toEqual(
      new Map([
        [GP_A, 0],
        [GP_B, 0],
      ]),
    );
  });
});

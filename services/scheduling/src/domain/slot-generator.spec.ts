import { motif, range, at, GP, OTHER_GP, SITE } from '../../test/fixtures/domain-builders';
import { generateFreeSlots, type SlotSearch } from './slot-generator';

const LONG_AGO = at('2026-01-01T00:00:00Z');

function search(overrides: Partial<SlotSearch> = {}): SlotSearch {
  return {
    timeZone: 'Europe/Paris',
    ranges: [range()],
    exceptions: [],
    busy: [],
    motif: motif(),
    from: '2026-03-30',
    to: '2026-03-30',
    now: LONG_AGO,
    audience: 'staff',
    maxHorizonDays: 730,
    ...overrides,
  };
}

const starts = (s: SlotSearch) => generateFreeSlots(s).map((slot) => slot.startsAt);
const firstStartOn = (date: string, s: Partial<SlotSearch> = {}) => starts(search({ from: date, to: date, ...s }))[0];

describe('generateFreeSlots: 09:00 stays 09:00 in the site zone', () => {
  it.each([
    ['Friday before the March change (CET)', '2026-03-27', '2026-03-27T08:00:00.000Z'],
    ['Monday after the March change (CEST)', '2026-03-30', '2026-03-30T07:00:00.000Z'],
    ['Monday a week before the March change', '2026-03-23', '2026-03-23T08:00:00.000Z'],
    ['Monday a week after the March change', '2026-04-06', '2026-04-06T07:00:00.000Z'],
    ['Friday before the October change (CEST)', '2026-10-23', '2026-10-23T07:00:00.000Z'],
    ['Monday after the October change (CET)', '2026-10-26', '2026-10-26T08:00:00.000Z'],
    ['Monday a week before the October change', '2026-10-19', '2026-10-19T07:00:00.000Z'],
    ['Monday a week after the October change', '2026-11-02', '2026-11-02T08:00:00.000Z'],
  ])('Europe/Paris, %s', (_label, date, first) => expect(firstStartOn(date)).toBe(first));

  it('cuts 09:00–12:00 into nine 20-minute slots, the last at 11:40 local, on both sides of the change', () => {
    const before = starts(search({ from: '2026-03-27', to: '2026-03-27' }));
    const after = starts(search({ from: '2026-03-30', to: '2026-03-30' }));
    expect(before).toHaveLength(9);
    expect(after).toHaveLength(9);
    expect(before[8]).toBe('2026-03-27T10:40:00.000Z');
    expect(after[8]).toBe('2026-03-30T09:40:00.000Z');
  });

  it('keeps 09:00 on the days of the change themselves (Sunday ranges)', () => {
    const sundays = search({ ranges: [range({ weekdays: [7] })], from: '2026-03-29', to: '2026-03-29' });
    expect(starts(sundays)[0]).toBe('2026-03-29T07:00:00.000Z');
    expect(starts({ ...sundays, from: '2026-10-25', to: '2026-10-25' })[0]).toBe('2026-10-25T08:00:00.000Z');
  });

  it('spans the change in one search: every weekday of two weeks starts at 09:00 Paris time', () => {
    const all = generateFreeSlots(search({ from: '2026-03-23', to: '2026-04-03' }));
    const firsts = all
      .filter((slot, i) => i === 0 || all[i - 1].startsAt.slice(0, 10) !== slot.startsAt.slice(0, 10))
      .map((s) => s.startsAt);
    expect(
      firsts.map((iso) =>
        new Date(iso).toLocaleTimeString('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }),
      ),
    ).toEqual(Array(10).fill('09:00'));
    expect(firsts.slice(0, 5).every((iso) => iso.endsWith('T08:00:00.000Z'))).toBe(true);
    expect(firsts.slice(5).every((iso) => iso.endsWith('T07:00:00.000Z'))).toBe(true);
  });

  it.each(['2026-03-27', '2026-03-30', '2026-10-23', '2026-10-26'])(
    'Indian/Reunion (UTC+4, no DST) on %s: 05:00Z',
    (date) => {
      expect(firstStartOn(date, { timeZone: 'Indian/Reunion' })).toBe(`${date}T05:00:00.000Z`);
    },
  );

  it.each(['2026-03-27', '2026-03-30', '2026-10-23', '2026-10-26'])(
    'America/Cayenne (UTC-3, no DST) on %s: 12:00Z',
    (date) => {
      expect(firstStartOn(date, { timeZone: 'America/Cayenne' })).toBe(`${date}T12:00:00.000Z`);
    },
  );
});

describe('generateFreeSlots: what is taken out', () => {
  it('removes slots overlapping an exception of the practitioner, not of a colleague', () => {
    const absence = { practitionerId: GP, start: at('2026-03-30T08:00:00Z'), end: at('2026-03-30T09:00:00Z') }; // 10:00–11:00 local
    const colleague = { ...absence, practitionerId: OTHER_GP, start: at('2026-03-30T07:00:00Z') };
    const slots = starts(search({ exceptions: [absence, colleague] }));
    expect(slots).toHaveLength(6);
    expect(slots).not.toContain('2026-03-30T08:00:00.000Z');
    expect(slots).not.toContain('2026-03-30T08:40:00.000Z');
    expect(slots).toContain('2026-03-30T07:40:00.000Z');
    expect(slots).toContain('2026-03-30T09:00:00.000Z');
  });

  it('removes slots overlapping busy time, even partly', () => {
    const busy = [{ practitionerId: GP, start: at('2026-03-30T07:10:00Z'), end: at('2026-03-30T07:30:00Z') }];
    expect(starts(search({ busy }))).toEqual(
      expect.not.arrayContaining(['2026-03-30T07:00:00.000Z', '2026-03-30T07:20:00.000Z']),
    );
    expect(starts(search({ busy }))).toHaveLength(7);
  });

  it('a whole-week holiday empties the week', () => {
    const holiday = { practitionerId: GP, start: at('2026-03-29T22:00:00Z'), end: at('2026-04-04T22:00:00Z') };
    expect(starts(search({ from: '2026-03-30', to: '2026-04-03', exceptions: [holiday] }))).toEqual([]);
  });

  it('respects the minimum notice', () => {
    const now = at('2026-03-30T07:10:00Z'); // 09:10 local
    expect(starts(search({ now, minNoticeMinutes: 60 }))[0]).toBe('2026-03-30T08:20:00.000Z');
    expect(starts(search({ now, minNoticeMinutes: 0 }))[0]).toBe('2026-03-30T07:20:00.000Z');
  });

  it("uses the motif's notice and horizon by default", () => {
    const now = at('2026-03-30T06:00:00Z');
    const m = motif({ minNoticeMinutes: 120, maxHorizonDays: 2 });
    const slots = starts({
      ...search({ now, motif: m, from: '2026-03-30', to: '2026-04-03' }),
      maxHorizonDays: undefined,
    });
    expect(slots[0]).toBe('2026-03-30T08:00:00.000Z');
    expect(slots[slots.length - 1]).toBe('2026-03-31T09:40:00.000Z'); // the horizon is 2026-04-01 08:00 local
  });

  it('respects the maximum horizon, counted in calendar days of the site (09:00 CET + 7 days = 09:00 CEST)', () => {
    const now = at('2026-03-23T08:00:00Z');
    const slots = starts(search({ now, from: '2026-03-23', to: '2026-04-10', maxHorizonDays: 7 }));
    expect(slots[slots.length - 1] <= '2026-03-30T07:00:00.000Z').toBe(true);
    expect(slots).toContain('2026-03-30T07:00:00.000Z');
  });

  it('never offers the past', () => {
    expect(starts(search({ now: at('2026-03-30T12:00:00Z') }))).toEqual([]);
  });
});

describe('generateFreeSlots: grid, ranges and motifs', () => {
  it('steps by duration plus buffer', () => {
    const slots = starts(search({ motif: motif({ durationMinutes: 15, bufferAfterMinutes: 5 }) }));
    expect(slots.slice(0, 3)).toEqual([
      '2026-03-30T07:00:00.000Z',
      '2026-03-30T07:20:00.000Z',
      '2026-03-30T07:40:00.000Z',
    ]);
    expect(slots).toHaveLength(9);
  });

  it('expands an RRULE: every other Friday', () => {
    const ranges = [range({ weekdays: null, recurrence: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR', validFrom: '2026-03-06' })];
    const days = new Set(
      generateFreeSlots(search({ ranges, from: '2026-03-01', to: '2026-04-30' })).map((s) => s.startsAt.slice(0, 10)),
    );
    expect([...days]).toEqual(['2026-03-06', '2026-03-20', '2026-04-03', '2026-04-17']);
  });

  it('honours validFrom and validUntil', () => {
    const ranges = [range({ validFrom: '2026-03-31', validUntil: '2026-04-01' })];
    const days = new Set(
      generateFreeSlots(search({ ranges, from: '2026-03-30', to: '2026-04-03' })).map((s) => s.startsAt.slice(0, 10)),
    );
    expect([...days]).toEqual(['2026-03-31', '2026-04-01']);
  });

  it('offers only ranges allowing the motif, and practitioner motifs only in their own agenda', () => {
    const other = range({ practitionerId: OTHER_GP, motifIds: [] });
    expect(generateFreeSlots(search({ ranges: [range({ motifIds: ['motif-vaccine'] })] }))).toEqual([]);
    const own = generateFreeSlots(search({ ranges: [range(), other], motif: motif({ practitionerId: GP }) }));
    expect(new Set(own.map((s) => s.practitionerId))).toEqual(new Set([GP]));
  });

  it('merges overlapping ranges of one practitioner without duplicates, and returns sorted slots', () => {
    const slots = generateFreeSlots(search({ ranges: [range(), range({ startTime: '10:00', endTime: '13:00' })] }));
    expect(slots.map((s) => s.startsAt)).toEqual([...new Set(slots.map((s) => s.startsAt))].sort());
    expect(slots).toHaveLength(12);
    expect(slots[0]).toMatchObject({
      practitionerId: GP,
      siteId: SITE,
      motifId: 'motif-consultation',
      endsAt: '2026-03-30T07:20:00.000Z',
    });
  });

  it('offers nothing to a channel the motif is not bookable by', () => {
    expect(generateFreeSlots(search({ motif: motif({ bookableBy: ['staff'] }), audience: 'online' }))).toEqual([]);
  });
});

describe('generateFreeSlots: SNP capacity', () => {
  const snpRange = range({ snpShare: 1 / 3, snpRelease: { daysBefore: 1, at: '18:00' } });
  const snpSearch = (now: string, audience: SlotSearch['audience']) =>
    search({ ranges: [snpRange], now: at(now), audience });

  it('flags a third of the slots, spread over the range, with their release time', () => {
    const slots = generateFreeSlots(snpSearch('2026-03-20T00:00:00Z', 'staff'));
    expect(slots.filter((s) => s.snp).map((s) => s.startsAt)).toEqual([
      '2026-03-30T07:40:00.000Z',
      '2026-03-30T08:40:00.000Z',
      '2026-03-30T09:40:00.000Z',
    ]);
    expect(slots.find((s) => s.snp)?.snpReleasesAt).toBe('2026-03-29T16:00:00.000Z'); // 18:00 CEST on the Sunday
    expect(slots.find((s) => !s.snp)?.snpReleasesAt).toBeNull();
  });

  it('hides SNP slots from online booking before release and shows them after', () => {
    expect(generateFreeSlots(snpSearch('2026-03-29T15:59:00Z', 'online')).filter((s) => s.snp)).toEqual([]);
    expect(generateFreeSlots(snpSearch('2026-03-29T15:59:00Z', 'online'))).toHaveLength(6);
    expect(generateFreeSlots(snpSearch('2026-03-29T16:00:00Z', 'online')).filter((s) => s.snp)).toHaveLength(3);
  });

  it('hides them from the virtual secretary too, never from staff', () => {
    expect(generateFreeSlots(snpSearch('2026-03-29T15:00:00Z', 'virtual_secretary'))).toHaveLength(6);
    expect(generateFreeSlots(snpSearch('2026-03-29T15:00:00Z', 'staff'))).toHaveLength(9);
  });

  it('supports "08:00 the same day" in an overseas zone', () => {
    const sameDay = range({ snpShare: 0.5, snpRelease: { daysBefore: 0, at: '08:00' } });
    const s = (now: string) =>
      search({ timeZone: 'Indian/Reunion', ranges: [sameDay], now: at(now), audience: 'online' });
    expect(generateFreeSlots(s('2026-03-30T03:59:00Z')).filter((x) => x.snp)).toEqual([]);
    expect(generateFreeSlots(s('2026-03-30T04:00:00Z')).filter((x) => x.snp)).toHaveLength(4);
  });
});

describe('generateFreeSlots: refusals name the field', () => {
  it.each<[string, Partial<SlotSearch>, RegExp]>([
    ['unknown zone', { timeZone: 'Europe/Atlantis' }, /input\.timeZone/],
    ['offset instead of a zone', { timeZone: '+02:00' }, /input\.timeZone/],
    ['to before from', { from: '2026-03-30', to: '2026-03-29' }, /input\.to: must not be before/],
    ['not a date', { from: '30/03/2026' }, /input\.from/],
    ['too long a span', { from: '2026-01-01', to: '2026-06-30' }, /input\.to: a search spans at most/],
    ['motif without duration', { motif: { ...motif(), durationMinutes: 0 } }, /input\.motif\.durationMinutes/],
  ])('%s', (_label, overrides, message) => {
    expect(() => generateFreeSlots(search(overrides))).toThrow(message);
  });
});

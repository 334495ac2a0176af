import { atWallTime, isSnpIndex, occurrenceDates, slotGrid, snpSlotCount, wallTimeOf } from '../src';

const at = (iso: string) => new Date(iso);
const minutes = (span: { start: Date; end: Date }) => (span.end.getTime() - span.start.getTime()) / 60_000;

describe('occurrenceDates', () => {
  it('gives the dates of a weekly rule in a window, both bounds included', () => {
    expect(occurrenceDates('FREQ=WEEKLY;BYDAY=MO,TH', '2026-01-05', '2026-11-02', '2026-11-12')).toEqual([
      '2026-11-02',
      '2026-11-05',
      '2026-11-09',
      '2026-11-12',
    ]);
  });

  it('keeps a fortnight’s rhythm from its anchor, however far the window is', () => {
    const rule = 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR';
    expect(occurrenceDates(rule, '2024-01-05', '2026-11-01', '2026-11-30')).toEqual(['2026-11-06', '2026-11-20']);
    expect(occurrenceDates(rule, '2024-01-12', '2026-11-01', '2026-11-30')).toEqual(['2026-11-13', '2026-11-27']);
  });

  it('gives nothing before the anchor', () => {
    expect(occurrenceDates('FREQ=DAILY', '2026-12-01', '2026-11-01', '2026-11-30')).toEqual([]);
  });
});

describe('wall times and instants', () => {
  it('reads HH:mm and 24:00, and nothing else', () => {
    expect(wallTimeOf('08:30')).toEqual({ hour: 8, minute: 30 });
    expect(wallTimeOf('24:00')).toEqual({ hour: 24, minute: 0 });
    for (const text of ['8:30', '24:30', '12:60', 'midi']) expect(wallTimeOf(text)).toBeNull();
  });

  it('keeps 09:00 at 09:00 on both sides of a clock change, and reads 24:00 as the next midnight', () => {
    expect(atWallTime('2026-03-27', { hour: 9, minute: 0 }, 'Europe/Paris').toISOString()).toBe(
      '2026-03-27T08:00:00.000Z',
    );
    expect(atWallTime('2026-03-30', { hour: 9, minute: 0 }, 'Europe/Paris').toISOString()).toBe(
      '2026-03-30T07:00:00.000Z',
    );
    expect(atWallTime('2026-03-29', { hour: 2, minute: 30 }, 'Europe/Paris').toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(atWallTime('2026-03-28', { hour: 24, minute: 0 }, 'Europe/Paris').toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
  });
});

describe('slot grid and SNP slots', () => {
  it('cuts slots every duration + buffer, each ending within the occurrence', () => {
    const grid = slotGrid({ start: at('2026-11-02T08:00:00Z'), end: at('2026-11-02T09:00:00Z') }, 15, 5);
    expect(grid.map((s) => s.start.toISOString().slice(11, 16))).toEqual(['08:00', '08:20', '08:40']);
    expect(grid.map(minutes)).toEqual([15, 15, 15]);
  });

  it('holds the slots of a range’s real length on the night of a clock change', () => {
    // 01:00–04:00 wall time on 29 March 2026 in Paris lasts two hours.
    const start = atWallTime('2026-03-29', { hour: 1, minute: 0 }, 'Europe/Paris');
    const end = atWallTime('2026-03-29', { hour: 4, minute: 0 }, 'Europe/Paris');
    expect(slotGrid({ start, end }, 30, 0)).toHaveLength(4);
  });

  it('spreads a share of SNP slots evenly and counts them as the indexes say', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].filter((i) => isSnpIndex(i, 0.25))).toEqual([3, 7]);
    expect(snpSlotCount(12, 0.25)).toBe(3);
    expect(snpSlotCount(6, 0.25)).toBe(1);
    expect(snpSlotCount(10, 0.3)).toBe(3);
    expect(snpSlotCount(5, 0)).toBe(0);
    expect(snpSlotCount(5, 1)).toBe(5);
  });
});

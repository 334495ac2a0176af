import { GP, motif, OTHER_GP, range } from '../../test/fixtures/domain-builders';
import { generateFreeSlots } from './slot-generator';
import { snpCountingGrid } from './snp-counting-grid';

describe('snpCountingGrid', () => {
  const consultation = motif({ id: 'm-20', durationMinutes: 20 });
  const short = motif({ id: 'm-15', durationMinutes: 15, bufferAfterMinutes: 10 });
  const quick = motif({ id: 'm-10', durationMinutes: 10, practitionerId: OTHER_GP });

  it('counts on the finest grid the range offers its practitioner, as many SNP slots as scheduling holds back', () => {
    // 09:00–12:00, a third held back: 20 minutes is finer than 15 + 10; the colleague's 10-minute motif is not his.
    const threeHours = range({ snpShare: 1 / 3 });
    const grid = snpCountingGrid(threeHours, [short, consultation, quick]);
    expect(grid).toEqual({ motifId: 'm-20', durationMinutes: 20, bufferAfterMinutes: 0, slotsPerOccurrence: 3 });
    // The same count as the slot generator marks SNP on that motif's grid.
    const slots = generateFreeSlots({
      timeZone: 'Europe/Paris',
      ranges: [threeHours],
      exceptions: [],
      busy: [],
      motif: consultation,
      from: '2026-11-02',
      to: '2026-11-02',
      now: new Date('2026-10-01T00:00:00Z'),
      audience: 'staff',
    });
    expect(slots.filter((s) => s.snp)).toHaveLength(grid?.slotsPerOccurrence ?? -1);
  });

  it('keeps to the motifs a range lists, and has no grid when none fits', () => {
    const listed = range({ snpShare: 0.5, motifIds: ['m-15'] });
    // 15 + 10 minutes from 09:00: 7 slots (the last at 11:30), SNP slots 1, 3 and 5.
    expect(snpCountingGrid(listed, [short, consultation])).toMatchObject({ motifId: 'm-15', slotsPerOccurrence: 3 });
    expect(snpCountingGrid(range({ practitionerId: GP }), [quick])).toBeNull();
    expect(snpCountingGrid(range({ snpShare: 0.2 }), [])).toBeNull();
  });
});

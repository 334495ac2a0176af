import { range } from '../../test/fixtures/domain-builders';
import { dueSnpReleases } from './snp-release-schedule';

const paris = 'Europe/Paris';

describe('dueSnpReleases', () => {
  const snp = (overrides = {}) => ({
    range: range({
      id: 'a1b2c3d4-0000-4000-8000-000000000001',
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      snpShare: 0.25,
      ...overrides,
    }),
    timeZone: paris,
  });

  it('announces tomorrow once 18:00 the day before has passed, in the site zone', () => {
    expect(
      dueSnpReleases([snp()], new Date('2026-11-23T10:00:00Z')).map((d) => [d.date, d.releasedAt.toISOString()]),
    ).toEqual([['2026-11-23', '2026-11-22T17:00:00.000Z']]);
    expect(dueSnpReleases([snp()], new Date('2026-11-23T16:59:00Z'))).toEqual([]);
    expect(
      dueSnpReleases([snp()], new Date('2026-11-23T17:00:00Z')).map((d) => [d.date, d.releasedAt.toISOString()]),
    ).toEqual([['2026-11-24', '2026-11-23T17:00:00.000Z']]);
  });

  it('no longer lists a day that is over, nor ranges without SNP', () => {
    expect(dueSnpReleases([snp()], new Date('2026-11-23T11:30:00Z')).map((d) => d.date)).toEqual([]);
    expect(dueSnpReleases([snp({ snpShare: 0 })], new Date('2026-11-23T08:00:00Z'))).toEqual([]);
  });

  it('follows the wall clock across the spring change: 08:00 the same day is 06:00Z after it', () => {
    const rule = snp({ snpRelease: { daysBefore: 0, at: '08:00' } });
    const [due] = dueSnpReleases([rule], new Date('2027-03-28T06:30:00Z'));
    expect(due).toMatchObject({ date: '2027-03-28' });
    expect(due.releasedAt.toISOString()).toBe('2027-03-28T06:00:00.000Z');
  });

  it('groups the ranges of one practitioner and day', () => {
    const morning = snp({ id: 'a1b2c3d4-0000-4000-8000-000000000002' });
    const afternoon = snp({ id: 'a1b2c3d4-0000-4000-8000-000000000003', startTime: '14:00', endTime: '18:00' });
    const [due] = dueSnpReleases([morning, afternoon], new Date('2026-11-24T07:00:00Z'));
    expect(due.openingRangeIds).toHaveLength(2);
  });
});

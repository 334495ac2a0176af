import { range } from '../../test/fixtures/domain-builders';
import { occurrenceCovering, rangeOccurrences, type RangeOccurrence } from './range-occurrences';

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const instants = (occurrences: RangeOccurrence[]) =>
  occurrences.map((o) => [o.date, o.start.toISOString(), o.end.toISOString()]);
const interval = (start: string, minutes: number) => ({
  start: new Date(start),
  end: new Date(new Date(start).getTime() + minutes * 60_000),
});

describe('rangeOccurrences', () => {
  it('keeps 09:00–12:00 on the wall clock across the Paris spring change (2026-03-29)', () => {
    const weekdays = range({ weekdays: [1, 5] });
    expect(instants(rangeOccurrences([weekdays], 'Europe/Paris', '2026-03-27', '2026-03-30'))).toEqual([
      ['2026-03-27', '2026-03-27T08:00:00.000Z', '2026-03-27T11:00:00.000Z'],
      ['2026-03-30', '2026-03-30T07:00:00.000Z', '2026-03-30T10:00:00.000Z'],
    ]);
  });

  it('keeps 09:00–12:00 on the wall clock across the Paris autumn change (2026-10-25)', () => {
    const weekdays = range({ weekdays: [1, 5] });
    expect(instants(rangeOccurrences([weekdays], 'Europe/Paris', '2026-10-23', '2026-10-26'))).toEqual([
      ['2026-10-23', '2026-10-23T07:00:00.000Z', '2026-10-23T10:00:00.000Z'],
      ['2026-10-26', '2026-10-26T08:00:00.000Z', '2026-10-26T11:00:00.000Z'],
    ]);
  });

  it('makes a night range spanning a change one hour shorter in spring and one hour longer in autumn', () => {
    const night = range({ weekdays: [7], startTime: '01:00', endTime: '04:00' });
    const [spring] = rangeOccurrences([night], 'Europe/Paris', '2026-03-29', '2026-03-29');
    expect([spring.start.toISOString(), spring.end.toISOString()]).toEqual([
      '2026-03-29T00:00:00.000Z',
      '2026-03-29T02:00:00.000Z',
    ]);
    const [autumn] = rangeOccurrences([night], 'Europe/Paris', '2026-10-25', '2026-10-25');
    expect([autumn.start.toISOString(), autumn.end.toISOString()]).toEqual([
      '2026-10-24T23:00:00.000Z',
      '2026-10-25T03:00:00.000Z',
    ]);
  });

  it('uses the fixed offsets of Réunion (UTC+4) and French Guiana (UTC−3) all year', () => {
    const morning = range({ weekdays: EVERY_DAY, startTime: '08:00', endTime: '12:00' });
    for (const date of ['2026-03-29', '2026-07-01', '2026-10-25']) {
      const [reunion] = rangeOccurrences([morning], 'Indian/Reunion', date, date);
      expect(reunion.start.toISOString()).toBe(`${date}T04:00:00.000Z`);
      const [cayenne] = rangeOccurrences([morning], 'America/Cayenne', date, date);
      expect(cayenne.start.toISOString()).toBe(`${date}T11:00:00.000Z`);
    }
  });

  it('dates an evening in Cayenne by its local day even though it ends on the next UTC day, 24:00 included', () => {
    const evening = range({ weekdays: [7], startTime: '20:00', endTime: '24:00' });
    expect(instants(rangeOccurrences([evening], 'America/Cayenne', '2026-03-29', '2026-03-29'))).toEqual([
      ['2026-03-29', '2026-03-29T23:00:00.000Z', '2026-03-30T03:00:00.000Z'],
    ]);
  });

  it('stays within validFrom and validUntil, both included', () => {
    const bounded = range({ weekdays: EVERY_DAY, validFrom: '2026-06-03', validUntil: '2026-06-05' });
    expect(rangeOccurrences([bounded], 'Europe/Paris', '2026-06-01', '2026-06-30').map((o) => o.date)).toEqual([
      '2026-06-03',
      '2026-06-04',
      '2026-06-05',
    ]);
    expect(rangeOccurrences([bounded], 'Europe/Paris', '2026-06-06', '2026-06-30')).toEqual([]);
  });

  it('lists the occurrences of every range, each with its own range', () => {
    const monday = range({ weekdays: [1] });
    const tuesday = range({ weekdays: [2], startTime: '14:00', endTime: '18:00' });
    const found = rangeOccurrences([monday, tuesday], 'Europe/Paris', '2026-06-01', '2026-06-02');
    expect(found.map((o) => [o.range.id, o.date])).toEqual([
      [monday.id, '2026-06-01'],
      [tuesday.id, '2026-06-02'],
    ]);
  });
});

describe('occurrenceCovering', () => {
  const morning = range({ weekdays: EVERY_DAY, startTime: '09:00', endTime: '12:00', motifIds: ['consultation'] });

  it('finds the occurrence that wholly contains an interval of an allowed motif, ends included', () => {
    const found = occurrenceCovering([morning], 'Europe/Paris', interval('2026-03-30T09:40:00Z', 20), 'consultation');
    expect(found).toMatchObject({ date: '2026-03-30', range: { id: morning.id } });
  });

  it('finds none for a motif the range does not allow, or an interval that runs past its end', () => {
    expect(
      occurrenceCovering([morning], 'Europe/Paris', interval('2026-03-30T09:00:00Z', 20), 'vaccination'),
    ).toBeUndefined();
    expect(
      occurrenceCovering([morning], 'Europe/Paris', interval('2026-03-30T09:50:00Z', 20), 'consultation'),
    ).toBeUndefined();
  });

  it('looks on the local date of the site: a Cayenne evening is the day before in UTC terms', () => {
    const evening = range({ weekdays: EVERY_DAY, startTime: '20:00', endTime: '24:00', validUntil: '2026-03-29' });
    const lateCall = interval('2026-03-30T01:00:00Z', 20); // 22:00 on 29 March in Cayenne
    expect(occurrenceCovering([evening], 'America/Cayenne', lateCall, 'any')).toMatchObject({ date: '2026-03-29' });
    expect(occurrenceCovering([evening], 'Europe/Paris', lateCall, 'any')).toBeUndefined();
  });
});

import { generateFreeSlots } from './slot-generator';
import { motif, range } from '../../test/fixtures/domain-builders';
import {
  assertTravelMinutes,
  describeTravelConflict,
  paddedForTravel,
  travelConflict,
  travelMinutesOf,
  type SitedInterval,
} from './site-travel';

const A = 'site-a';
const B = 'site-b';
const C = 'site-c';
const travel = travelMinutesOf([{ structureId: 's', siteId: A, otherSiteId: B, minutes: 45 }]);
const paris = (time: string, date = '2026-03-03') => new Date(`${date}T${time}:00+01:00`);
const atA = (start: string, end: string): SitedInterval => ({ siteId: A, start: paris(start), end: paris(end) });
const thirty = (start: string) => ({ start: paris(start), end: new Date(paris(start).getTime() + 30 * 60_000) });

describe('travel between sites', () => {
  it('is the same either way, none within a site or for a pair nobody set', () => {
    expect(travel(A, B)).toBe(45);
    expect(travel(B, A)).toBe(45);
    expect(travel(A, A)).toBe(0);
    expect(travel(A, C)).toBe(0);
  });

  it('counts from the end of the last appointment at one site to the start of the next at the other', () => {
    expect(travelConflict(thirty('12:45'), B, [atA('12:00', '12:30')], travel)).toMatchObject({ minutes: 45 });
    expect(travelConflict(thirty('13:15'), B, [atA('12:00', '12:30')], travel)).toBeNull();
    expect(travelConflict(thirty('12:45'), B, [atA('11:00', '11:30')], travel)).toBeNull();
  });

  it('also before the next appointment at the other site', () => {
    const atBAt13 = [{ siteId: B, start: paris('13:00'), end: paris('13:30') }];
    expect(travelConflict(thirty('12:00'), A, atBAt13, travel)).not.toBeNull();
    expect(travelConflict(thirty('11:30'), A, atBAt13, travel)).toBeNull();
  });

  it('leaves appointments at the same site and meeting blocks (no site) alone', () => {
    const busy = [atA('12:00', '12:30'), { siteId: null, start: paris('12:30'), end: paris('12:40') }];
    expect(travelConflict(thirty('12:30'), A, busy, travel)).toBeNull();
    expect(paddedForTravel(busy, A, travel)).toEqual(busy);
  });

  it('says, in the site wall time, the earliest start or latest end that would keep it', () => {
    const conflict = travelConflict(thirty('12:45'), B, [atA('12:00', '12:30')], travel);
    expect(conflict && describeTravelConflict(conflict, thirty('12:45'), 'Europe/Paris')).toMatch(
      /45 minutes of travel.*from 12:00 to 12:30 \(Europe\/Paris\), so the earliest start here is 13:15$/,
    );
  });

  it('refuses minutes outside 0–240 or not whole, naming the field', () => {
    expect(() => assertTravelMinutes(241, 'input.minutes')).toThrow(/^input\.minutes: must be a whole number/);
    expect(() => assertTravelMinutes(1.5, 'input.minutes')).toThrow(/input\.minutes/);
    expect(assertTravelMinutes(0, 'input.minutes')).toBe(0);
  });

  it("widens the other site's appointments in the slot search: B's grid resumes once the travel is over", () => {
    const consultation = motif({ id: 'm', durationMinutes: 30 });
    const atB = range({ siteId: B, weekdays: [2], startTime: '12:45', endTime: '15:00' });
    const slots = generateFreeSlots({
      timeZone: 'Europe/Paris',
      ranges: [atB],
      exceptions: [],
      busy: paddedForTravel([{ practitionerId: atB.practitionerId, ...atA('12:00', '12:30') }], B, travel),
      motif: consultation,
      from: '2026-03-03',
      to: '2026-03-03',
      now: paris('08:00'),
      audience: 'staff',
    });
    expect(slots[0].startsAt).toBe(paris('13:15').toISOString());
  });
});

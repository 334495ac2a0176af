import { GP, STRUCTURE, at } from '../../test/fixtures/domain-builders';
import { createScheduleException, type ScheduleException } from './schedule-exception';

const absence: ScheduleException = {
  id: 'e1',
  structureId: STRUCTURE,
  practitionerId: GP,
  kind: 'absence',
  start: at('2026-03-30T07:00:00Z'),
  end: at('2026-03-30T10:00:00Z'),
};

describe('createScheduleException', () => {
  it.each(['absence', 'holiday', 'training', 'blocked'] as const)('accepts %s', (kind) => {
    expect(createScheduleException({ ...absence, kind }).kind).toBe(kind);
  });

  it.each<[string, Partial<ScheduleException>, RegExp]>([
    ['end before start', { end: at('2026-03-30T06:00:00Z') }, /^input\.endsAt: must be after startsAt$/],
    ['empty range', { end: absence.start }, /input\.endsAt/],
    ['invalid start', { start: new Date('nope') }, /input\.startsAt/],
    ['unknown kind', { kind: 'party' as ScheduleException['kind'] }, /input\.kind/],
    ['more than a year', { end: at('2027-04-30T00:00:00Z') }, /input\.endsAt: must be at most 366 days/],
  ])('refuses %s, naming the field', (_label, overrides, message) => {
    expect(() => createScheduleException({ ...absence, ...overrides })).toThrow(message);
  });
});

import { EVENT_REGISTRY, EventValidationError, validateEventPayload } from '../src';

const TYPE = 'scheduling.opening-ranges.changed.v1';
const example = EVENT_REGISTRY[TYPE].example;
const ids = {
  practitionerId: example.practitionerId,
  structureId: example.structureId,
  siteId: example.siteId,
  openingRangeId: example.openingRangeId,
  change: 'removed' as const,
  changedAt: example.changedAt,
};

const violationsOf = (data: unknown): string[] => {
  try {
    validateEventPayload(TYPE, data);
    return [];
  } catch (error) {
    if (!(error instanceof EventValidationError)) throw error;
    return error.violations.map((v) => v.field);
  }
};

describe('scheduling.opening-ranges.changed.v1 grew the range itself, additively (ADR 0010)', () => {
  it('still accepts an event of the older shape, ids only', () => {
    expect(violationsOf(ids)).toEqual([]);
  });

  it('accepts the range as scheduling now sends it: every-two-weeks rule, open end, no SNP grid yet', () => {
    expect(
      violationsOf({
        ...ids,
        change: 'defined',
        recurrence: 'INTERVAL=2;FREQ=WEEKLY;BYDAY=FR,-1SA;WKST=MO',
        startTime: '14:00',
        endTime: '24:00',
        timeZone: 'Indian/Reunion',
        validFrom: '2026-11-06',
        validUntil: null,
        snpShare: 0,
        snpSlot: null,
        snpSlotsPerOccurrence: null,
      }),
    ).toEqual([]);
  });

  it('accepts a removal from a day, the range ending the day before (issue 14)', () => {
    expect(
      violationsOf({ ...example, change: 'removed', validUntil: '2027-01-31', removedFrom: '2027-02-01' }),
    ).toEqual([]);
  });

  it.each([
    ['a removal day that is not a date', { removedFrom: '1er février' }, '/removedFrom'],
    ['a time that is not HH:mm', { startTime: '9h00' }, '/startTime'],
    ['a rule not normalised (prefix, lower case)', { recurrence: 'RRULE:freq=weekly' }, '/recurrence'],
    ['a rule with a start date in it', { recurrence: 'FREQ=WEEKLY;DTSTART=20260101T000000Z' }, '/recurrence'],
    ['an hourly rule', { recurrence: 'FREQ=HOURLY;BYDAY=TU' }, '/recurrence'],
    ['a rule without a frequency', { recurrence: 'BYDAY=TU' }, '/recurrence'],
    ['an interval that is not a number', { recurrence: 'FREQ=WEEKLY;INTERVAL=X' }, '/recurrence'],
    ['a share above 1', { snpShare: 1.5 }, '/snpShare'],
    ['a validity that is not a date', { validFrom: 'lundi' }, '/validFrom'],
    ['a slot of no length', { snpSlot: { ...example.snpSlot, durationMinutes: 0 } }, '/snpSlot/durationMinutes'],
    ['a negative count of SNP slots', { snpSlotsPerOccurrence: -1 }, '/snpSlotsPerOccurrence'],
    ['an unknown field of the grid', { snpSlot: { ...example.snpSlot, label: 'SNP' } }, '/snpSlot'],
  ])('refuses %s, naming the field', (_label, change, field) => {
    expect(violationsOf({ ...example, ...change })).toEqual([field]);
  });
});

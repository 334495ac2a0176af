import { validateEventPayload } from '@msp/contracts';
import { GP, motif, range } from '../../../test/fixtures/domain-builders';
import { openingRangeChanged } from './opening-range-changed';

const ID = '2a1b0c9d-8e7f-4a6b-9c5d-4e3f2a1b0c9d';
const MOTIF = '5c4b3a29-1807-4f6e-9d5c-4b3a29180706';

describe('openingRangeChanged', () => {
  it.each([
    ['weekdays', { weekdays: [1, 4] }],
    ['every other Friday', { recurrence: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR' }],
    ['the last Friday of the month', { recurrence: 'rrule:freq=monthly;byday=-1fr' }],
    ['the 15th, ten times', { recurrence: 'FREQ=MONTHLY;BYMONTHDAY=15;COUNT=10' }],
    ['every day from the week start', { recurrence: 'FREQ=DAILY;WKST=MO;BYMONTH=1,2,12' }],
    ['the first weekday of the month', { recurrence: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1' }],
  ])('gives an event the contract accepts for a range repeating on %s', (_label, repeat) => {
    const defined = range({ id: ID, weekdays: null, ...repeat, endTime: '24:00', snpShare: 0.1 });
    const payload = openingRangeChanged(defined, 'defined', 'Indian/Reunion', [], new Date('2026-11-23T09:00:00Z'));
    expect(() => validateEventPayload('scheduling.opening-ranges.changed.v1', payload)).not.toThrow();
  });

  it('names the SNP grid and the slots per occurrence when a motif fits, null for both otherwise', () => {
    const defined = range({ id: ID, snpShare: 0.25 });
    const consultation = motif({ id: MOTIF, durationMinutes: 15 });
    const at = new Date('2026-11-23T09:00:00Z');
    expect(openingRangeChanged(defined, 'defined', 'Europe/Paris', [consultation], at)).toMatchObject({
      practitionerId: GP,
      recurrence: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
      timeZone: 'Europe/Paris',
      snpSlot: { motifId: MOTIF, durationMinutes: 15, bufferAfterMinutes: 0 },
      snpSlotsPerOccurrence: 3, // 09:00–12:00: 12 quarter hours, a quarter of them
      changedAt: '2026-11-23T09:00:00.000Z',
    });
    expect(openingRangeChanged(defined, 'defined', 'Europe/Paris', [], at)).toMatchObject({
      snpSlot: null,
      snpSlotsPerOccurrence: null,
    });
  });

  it('says from which day a removed range no longer occurs, and only for a removal', () => {
    const ended = range({ id: ID, validFrom: '2026-01-05', validUntil: '2026-11-29' });
    const at = new Date('2026-11-23T09:00:00Z');
    const removed = openingRangeChanged(ended, 'removed', 'Europe/Paris', [], at, '2026-11-30');
    expect(removed).toMatchObject({ change: 'removed', validUntil: '2026-11-29', removedFrom: '2026-11-30' });
    expect(() => validateEventPayload('scheduling.opening-ranges.changed.v1', removed)).not.toThrow();
    expect(openingRangeChanged(ended, 'defined', 'Europe/Paris', [], at, '2026-11-30')).not.toHaveProperty(
      'removedFrom',
    );
  });
});

import { motif } from '../../test/fixtures/domain-builders';
import { createMotif, motifAppliesTo, type MotifDraft } from './motif';

const draft: MotifDraft = {
  id: 'm1',
  structureId: 's1',
  label: '  Consultation  ',
  durationMinutes: 20,
  channel: 'cabinet',
  bookableBy: ['staff', 'online', 'staff'],
  newPatientsAllowed: false,
};

describe('createMotif', () => {
  it('trims, deduplicates and applies defaults', () => {
    expect(createMotif(draft)).toEqual({
      ...draft,
      label: 'Consultation',
      bookableBy: ['staff', 'online'],
      practitionerId: null,
      bufferAfterMinutes: 0,
      minNoticeMinutes: 0,
      maxHorizonDays: 90,
    });
  });

  it.each<[string, Partial<MotifDraft>, RegExp]>([
    [
      'zero duration',
      { durationMinutes: 0 },
      /^input\.durationMinutes: must be a whole number of minutes greater than 0$/,
    ],
    ['negative duration', { durationMinutes: -15 }, /input\.durationMinutes/],
    ['fractional duration', { durationMinutes: 12.5 }, /input\.durationMinutes/],
    ['a day-long duration', { durationMinutes: 24 * 60 }, /input\.durationMinutes/],
    ['empty label', { label: '  ' }, /input\.label/],
    ['unknown channel', { channel: 'drive_in' as MotifDraft['channel'] }, /input\.channel/],
    ['nobody may book', { bookableBy: [] }, /input\.bookableBy/],
    ['unknown booker', { bookableBy: ['robot' as 'staff'] }, /input\.bookableBy/],
    ['negative buffer', { bufferAfterMinutes: -5 }, /input\.bufferAfterMinutes/],
    ['negative notice', { minNoticeMinutes: -1 }, /input\.minNoticeMinutes/],
    ['zero horizon', { maxHorizonDays: 0 }, /input\.maxHorizonDays/],
  ])('refuses %s, naming the field', (_label, overrides, message) => {
    expect(() => createMotif({ ...draft, ...overrides })).toThrow(message);
  });

  it('names fields under the given prefix', () => {
    expect(() => createMotif({ ...draft, durationMinutes: 0 }, 'motif')).toThrow(/^motif\.durationMinutes/);
  });

  it('a structure motif applies to everyone, a practitioner motif to its owner only', () => {
    expect(motifAppliesTo(motif(), 'anyone')).toBe(true);
    expect(motifAppliesTo(motif({ practitionerId: 'p1' }), 'p1')).toBe(true);
    expect(motifAppliesTo(motif({ practitionerId: 'p1' }), 'p2')).toBe(false);
  });
});

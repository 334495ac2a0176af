import { at } from '../../test/fixtures/domain-builders';
import { clipTo, mergeIntervals } from './busy-intervals';

const i = (start: string, end: string) => ({ start: at(`2026-03-30T${start}:00Z`), end: at(`2026-03-30T${end}:00Z`) });

describe('busy intervals', () => {
  it('merges overlapping and touching intervals, sorted', () => {
    expect(
      mergeIntervals([
        i('10:00', '10:20'),
        i('08:00', '08:20'),
        i('08:20', '08:40'),
        i('08:30', '09:00'),
        i('12:00', '13:00'),
      ]),
    ).toEqual([i('08:00', '09:00'), i('10:00', '10:20'), i('12:00', '13:00')]);
  });

  it('keeps an interval inside another merged into it', () => {
    expect(mergeIntervals([i('08:00', '12:00'), i('09:00', '09:20')])).toEqual([i('08:00', '12:00')]);
  });

  it('clips to a window', () => {
    expect(
      clipTo([i('07:00', '08:30'), i('09:00', '09:20'), i('11:50', '13:00'), i('14:00', '15:00')], i('08:00', '12:00')),
    ).toEqual([i('08:00', '08:30'), i('09:00', '09:20'), i('11:50', '12:00')]);
  });
});

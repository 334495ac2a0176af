import { parseFrenchNumber } from './french-number';
import { importPeriodLabel, parseImportPeriod } from './import-period';
import { normalisedRpps } from './rpps';

describe('parseImportPeriod', () => {
  it('reads a year, a quarter and a month as inclusive dates', () => {
    expect(parseImportPeriod('2026')).toEqual({ label: '2026', start: '2026-01-01', end: '2026-12-31' });
    expect(parseImportPeriod(' 2026-t1 ')).toEqual({ label: '2026-T1', start: '2026-01-01', end: '2026-03-31' });
    expect(parseImportPeriod('2026-T4')).toEqual({ label: '2026-T4', start: '2026-10-01', end: '2026-12-31' });
    expect(parseImportPeriod('2028-02')).toEqual({ label: '2028-02', start: '2028-02-01', end: '2028-02-29' });
  });

  it('refuses days, semesters, other quarter letters and impossible months', () => {
    for (const text of ['2026-03-01', '2026-S1', '2026-Q1', '2026-T5', '2026-13', '26', '1999', '']) {
      expect(parseImportPeriod(text)).toBeNull();
    }
  });

  it('labels a period the way the import reads it back', () => {
    for (const label of ['2025', '2026-T3', '2026-11']) {
      expect(importPeriodLabel(parseImportPeriod(label)!)).toBe(label);
    }
    expect(importPeriodLabel({ start: '2026-01-15', end: '2026-02-14' })).toBe('2026-01-15/2026-02-14');
  });
});

describe('parseFrenchNumber', () => {
  it('reads decimal commas, decimal points and digit groups as spreadsheets write them', () => {
    expect(parseFrenchNumber('12,5')).toBe(12.5);
    expect(parseFrenchNumber('12.5')).toBe(12.5);
    expect(parseFrenchNumber('1\u00a0204,00')).toBe(1204);
    expect(parseFrenchNumber('1 234 567')).toBe(1234567);
    expect(parseFrenchNumber('-3')).toBe(-3);
  });

  it('refuses what it would have to guess', () => {
    for (const text of ['1.234,5', '1,2,3', '12 5', '12a', '', '1e3', '--1'])
      expect(parseFrenchNumber(text)).toBeNull();
  });
});

describe('normalisedRpps', () => {
  it('keeps 11 digits with a valid Luhn key, spaces removed', () => {
    expect(normalisedRpps('100 0345 6786')).toBe('10003456786');
    expect(normalisedRpps('10003456787')).toBeNull();
    expect(normalisedRpps('1000345678')).toBeNull();
  });
});

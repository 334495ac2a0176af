/**
 * French number and date wording for explanations and alerts, written out rather than left to Intl so the text is
 * identical on every runtime (ICU data differ between Node builds) and the documented examples can be compared exactly.
 */

const NBSP = '\u00a0';

/** 1234.5 → "1 234,5"; at most `digits` decimals, trailing zeros dropped. */
export function frNumber(n: number, digits = 2): string {
  const fixed = Math.abs(n).toFixed(digits);
  const [whole, decimals = ''] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const trimmed = decimals.replace(/0+$/, '');
  return `${n < 0 && Number(fixed) !== 0 ? '-' : ''}${grouped}${trimmed ? `,${trimmed}` : ''}`;
}

/** Euros always with two decimals: "157,50 €". */
export function frEuros(n: number): string {
  const [whole, decimals] = Math.abs(n).toFixed(2).split('.');
  return `${n < 0 ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP)},${decimals}${NBSP}€`;
}

/** A percentage given in percent: 74 → "74 %", 83.333 → "83,3 %". */
export function frPercent(n: number, digits = 1): string {
  return `${frNumber(n, digits)}${NBSP}%`;
}

/** A share 0..1 as a percentage: 0.75 → "75 %". */
export function frShare(share: number): string {
  return frPercent(share * 100);
}

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** "2025-12-31" → "31 décembre" (or "31 décembre 2025" when the year must be said); "1er" for the first. */
export function frDate(isoDate: string, withYear: boolean): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const dayWord = day === 1 ? '1er' : String(day);
  return `${dayWord} ${MONTHS[month - 1]}${withYear ? ` ${year}` : ''}`;
}

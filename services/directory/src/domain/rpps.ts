import { DirectoryError } from './directory-error';

/** RPPS numbers are 11 digits, the last being a Luhn check digit. */
export function assertRpps(rpps: string, field: string): string {
  const digits = rpps.replace(/\s+/g, '');
  if (!/^\d{11}$/.test(digits) || !luhnValid(digits))
    throw DirectoryError.invalid(field, `"${rpps}" is not a valid RPPS number`);
  return digits;
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The normalised RPPS number, or `undefined` when `value` is not one (for matching, where a bad value is no error). */
export function rppsOrUndefined(value: string): string | undefined {
  const digits = value.replace(/\s+/g, '');
  return /^\d{11}$/.test(digits) && luhnValid(digits) ? digits : undefined;
}

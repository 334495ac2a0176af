import { parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js';
import { DirectoryError } from './directory-error';

/**
 * French national numbering covers the overseas departments: from anywhere in France "0692 12 34 56" reaches a Réunion
 * mobile, whose E.164 form is +262 692…, not +33 6 92…. The prefix alone tells the department (ARCEP plan).
 */
const OVERSEAS_PREFIXES: Array<[RegExp, CountryCode]> = [
  [/^0(26[23]|69[23])/, 'RE'],
  [/^0(269|639)/, 'YT'],
  [/^0(590|69[01])/, 'GP'],
  [/^0(596|69[67])/, 'MQ'],
  [/^0(594|694)/, 'GF'],
];

function regionOf(digits: string): CountryCode {
  return OVERSEAS_PREFIXES.find(([prefix]) => prefix.test(digits))?.[1] ?? 'FR';
}

/** Normalises a phone number to E.164 (`+33612345678`), or refuses it naming the field. */
export function toE164(raw: string, field: string): string {
  const compact = raw.replace(/[\s.\-()]/g, '');
  try {
    const number = parsePhoneNumberWithError(compact, regionOf(compact));
    if (!number.isValid()) throw new Error('invalid');
    return number.number;
  } catch {
    throw DirectoryError.invalid(field, `"${raw}" is not a valid phone number`);
  }
}

/** Like toE164 but returns undefined instead of refusing: for lookups of whatever number a caller shows. */
export function tryE164(raw: string): string | undefined {
  try {
    return toE164(raw, 'phone');
  } catch {
    return undefined;
  }
}

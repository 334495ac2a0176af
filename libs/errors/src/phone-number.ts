import { parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js';

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

/** A phone number as E.164 (`+33612345678`), French national forms included; undefined when it is not a valid one. */
export function e164Of(raw: string): string | undefined {
  const compact = raw.replace(/[\s.\-()]/g, '');
  try {
    const number = parsePhoneNumberWithError(compact, regionOf(compact));
    return number.isValid() ? number.number : undefined;
  } catch {
    return undefined;
  }
}

import { parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js';
import { DirectoryError } from './directory-error';

/** French numbers are read as French by default; overseas departments have their own country codes (RE, GF, GP, MQ, YT). */
export const DEFAULT_PHONE_REGION: CountryCode = 'FR';

/** Normalises a phone number to E.164 (`+33612345678`), or refuses it naming the field. */
export function toE164(raw: string, field: string, region: CountryCode = DEFAULT_PHONE_REGION): string {
  try {
    const number = parsePhoneNumberWithError(raw.trim(), region);
    if (!number.isValid()) throw new Error('invalid');
    return number.number;
  } catch {
    throw DirectoryError.invalid(field, `"${raw}" is not a valid phone number`);
  }
}

/** Like toE164 but returns undefined instead of refusing: for lookups of whatever number a caller shows. */
export function tryE164(raw: string, region: CountryCode = DEFAULT_PHONE_REGION): string | undefined {
  try {
    return toE164(raw, 'phone', region);
  } catch {
    return undefined;
  }
}

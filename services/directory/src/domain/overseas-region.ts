import type { CountryCode } from 'libphonenumber-js';
import { DEFAULT_PHONE_REGION } from './phone-number';

/** Overseas departments dial with their own country code; a site's postal code says which (974xx → Réunion…). */
const OVERSEAS: Record<string, CountryCode> = { '971': 'GP', '972': 'MQ', '973': 'GF', '974': 'RE', '976': 'YT' };

export function phoneRegionForPostalCode(postalCode: string): CountryCode {
  return OVERSEAS[postalCode.slice(0, 3)] ?? DEFAULT_PHONE_REGION;
}

import { IANAZone } from 'luxon';
import { SchedulingError } from './scheduling-error';

/** Accepts only IANA zone names (Europe/Paris, Indian/Reunion, America/Cayenne…), never fixed offsets that ignore DST. */
export function assertTimeZone(zone: string, field: string): string {
  if (!/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(zone) || !IANAZone.isValidZone(zone)) {
    throw SchedulingError.invalid(field, `"${zone}" is not an IANA time zone such as Europe/Paris`);
  }
  return zone;
}

import { DateTime } from 'luxon';
import { SchedulingError } from './scheduling-error';

/** What a patient types to book online; checked here for form, matched and kept by the directory only. */
export interface OnlinePatient {
  lastName: string;
  firstName: string;
  birthDate: string;
  phone: string;
}

function text(value: unknown, field: string): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (!trimmed || trimmed.length > 100) throw SchedulingError.invalid(field, 'must be 1 to 100 characters');
  return trimmed;
}

/** Checks each field's form, naming the first bad one (`patient.birthDate`…); the phone's validity is the directory's to say. */
export function checkOnlinePatient(input: unknown, now: Date): OnlinePatient {
  if (!input || typeof input !== 'object')
    throw SchedulingError.invalid('patient', 'give lastName, firstName, birthDate and phone');
  const raw = input as Record<string, unknown>;
  const lastName = text(raw.lastName, 'patient.lastName');
  const firstName = text(raw.firstName, 'patient.firstName');
  const birthDate = typeof raw.birthDate === 'string' ? raw.birthDate : '';
  const date = DateTime.fromISO(birthDate, { zone: 'utc' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate) || !date.isValid)
    throw SchedulingError.invalid('patient.birthDate', 'must be a date YYYY-MM-DD');
  if (date.toMillis() > now.getTime() || date.year < 1900)
    throw SchedulingError.invalid('patient.birthDate', 'must be a past date after 1900');
  const phone = text(raw.phone, 'patient.phone');
  if (!/^[+\d][\d\s.\-()]{5,24}$/.test(phone)) throw SchedulingError.invalid('patient.phone', 'must be a phone number');
  return { lastName, firstName, birthDate, phone };
}

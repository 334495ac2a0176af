import { e164Of } from '@msp/errors';
import { directoryInput } from './directory-error';

/** Normalises a phone number to E.164 (`+33612345678`), or refuses it naming the field. */
export function toE164(raw: string, field: string): string {
  return directoryInput.phone(raw, field);
}

/** Like toE164 but returns undefined instead of refusing: for lookups of whatever number a caller shows. */
export function tryE164(raw: string): string | undefined {
  return e164Of(raw);
}

import { DateTime } from 'luxon';
import { DirectoryError } from '../../domain/directory-error';
import type { MemberRepository } from '../ports/member.repository';
import type { MembershipRepository } from '../ports/membership.repository';

function realDate(value: unknown, field: string): DateTime {
  const date = typeof value === 'string' ? DateTime.fromISO(value, { zone: 'utc' }) : undefined;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || !date?.isValid)
    throw DirectoryError.invalid(field, `"${String(value).slice(0, 64)}" is not a date YYYY-MM-DD`);
  return date;
}

/** A real date YYYY-MM-DD between 1900 and 2199 (a day the platform reasons about, such as an "as of" day). */
export function checkCalendarDate(value: unknown, field: string): string {
  const date = realDate(value, field);
  if (date.year < 1900 || date.year > 2199) throw DirectoryError.invalid(field, 'must be between 1900 and 2199');
  return date.toFormat('yyyy-MM-dd');
}

/** A real date YYYY-MM-DD, not after `today`, not before 1900. */
export function checkBirthDate(value: string, field: string, today: Date): string {
  const date = realDate(value, field);
  if (date > DateTime.fromJSDate(today, { zone: 'utc' }).endOf('day'))
    throw DirectoryError.invalid(field, 'cannot be in the future');
  if (date.year < 1900) throw DirectoryError.invalid(field, 'is before 1900');
  return value;
}

/** The médecin traitant is a current general practitioner of the patient's structure. */
export async function checkMedecinTraitant(
  members: MemberRepository,
  memberships: MembershipRepository,
  structureId: string,
  memberId: string | null | undefined,
): Promise<string | null> {
  if (!memberId) return null;
  const membership = await memberships.find(memberId, structureId);
  const member = membership && !membership.leftAt && (await members.findById(memberId));
  if (!member || member.profession !== 'general_practitioner') {
    throw DirectoryError.invalid('input.medecinTraitantId', 'must be a general practitioner of the structure');
  }
  return memberId;
}

/**
 * The INS matricule: the 13 characters of the NIR (Corsica's department written 2A or 2B) and its 2-digit key,
 * 97 − (NIR mod 97), with 2A read as 19 and 2B as 18 for the key. Spaces are ignored. Returns the 15 characters.
 */
export function checkIns(value: string, field: string): string {
  const ins = value.replace(/\s+/g, '').toUpperCase();
  const match = /^([12378]\d{4}(?:\d{2}|2A|2B)\d{6})(\d{2})$/.exec(ins);
  if (!match)
    throw DirectoryError.invalid(field, `"${value.slice(0, 32)}" is not an INS (15 characters: the NIR and its key)`);
  const nir = BigInt(match[1].replace('2A', '19').replace('2B', '18'));
  if (97n - (nir % 97n) !== BigInt(match[2]))
    throw DirectoryError.invalid(field, `"${value.slice(0, 32)}": the INS key does not match`);
  return ins;
}

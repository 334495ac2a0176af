import { DateTime } from 'luxon';
import { DirectoryError } from '../../domain/directory-error';
import type { MemberRepository } from '../ports/member.repository';
import type { MembershipRepository } from '../ports/membership.repository';

/** A real date YYYY-MM-DD, not after `today`, not before 1900. */
export function checkBirthDate(value: string, field: string, today: Date): string {
  const date = DateTime.fromISO(value, { zone: 'utc' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !date.isValid)
    throw DirectoryError.invalid(field, `"${value}" is not a date YYYY-MM-DD`);
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

import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';
import { DirectoryError } from '../../domain/directory-error';
import { MemberEntity, MembershipEntity } from '../../infrastructure/entities';

export function checkBirthDate(value: string, field: string): string {
  const date = DateTime.fromISO(value, { zone: 'utc' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !date.isValid)
    throw DirectoryError.invalid(field, `"${value}" is not a date YYYY-MM-DD`);
  if (date > DateTime.utc().endOf('day')) throw DirectoryError.invalid(field, 'cannot be in the future');
  if (date.year < 1900) throw DirectoryError.invalid(field, 'is before 1900');
  return value;
}

/** The médecin traitant is a current general practitioner of the patient's structure. */
export async function checkMedecinTraitant(
  manager: EntityManager,
  structureId: string,
  memberId: string | null | undefined,
): Promise<string | null> {
  if (!memberId) return null;
  const membership = await manager.findOneBy(MembershipEntity, { memberId, structureId, leftAt: IsNull() });
  const member = membership && (await manager.findOneBy(MemberEntity, { id: memberId }));
  if (!member || member.profession !== 'general_practitioner') {
    throw DirectoryError.invalid('input.medecinTraitantId', 'must be a general practitioner of the structure');
  }
  return memberId;
}

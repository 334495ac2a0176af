import type { Role } from '@msp/auth';
import { DirectoryError } from '../../domain/directory-error';
import type { MembershipRepository } from '../ports/membership.repository';

/** Roles whose work is delegated under protocol and so needs a referent physician (binôme délégué–référent). */
const DELEGATE_ROLES: readonly Role[] = ['medical_assistant'];

export interface Referents {
  referentId: string | null;
  backupReferentId: string | null;
}

/** A delegate needs an active practitioner of the same structure as referent; the backup, if any, is another one. */
export async function checkReferents(
  memberships: MembershipRepository,
  structureId: string,
  roles: readonly Role[],
  referents: { referentId?: string | null; backupReferentId?: string | null },
  memberId: string,
): Promise<Referents> {
  const referentId = referents.referentId ?? null;
  const backupReferentId = referents.backupReferentId ?? null;
  if (roles.some((role) => DELEGATE_ROLES.includes(role)) && !referentId) {
    throw DirectoryError.invalid('input.referentId', 'a delegate (medical assistant) needs a referent physician');
  }
  for (const [field, id] of [
    ['input.referentId', referentId],
    ['input.backupReferentId', backupReferentId],
  ] as const) {
    if (!id) continue;
    if (id === memberId) throw DirectoryError.invalid(field, 'a member cannot be their own referent');
    const referent = await memberships.find(id, structureId);
    if (!referent || referent.leftAt || !referent.roles.includes('practitioner')) {
      throw DirectoryError.invalid(field, 'must be a practitioner who is a current member of the structure');
    }
  }
  if (backupReferentId && backupReferentId === referentId) {
    throw DirectoryError.invalid('input.backupReferentId', 'must differ from the referent');
  }
  return { referentId, backupReferentId };
}

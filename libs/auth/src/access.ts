import { type DomainError, notFound } from '@msp/errors';
import { ForbiddenError } from './auth.errors';
import type { Role } from './roles';
import { hasRoleIn, membershipIn, type UserContext } from './user-context';

/**
 * Admits a member of the structure (with one of `roles`, when given). A non-member gets `unseen` — by default "Structure
 * not found" — never FORBIDDEN: another structure's objects must be indistinguishable from objects that do not exist.
 * Callers that loaded an object by id pass that object's own not-found error. A member lacking the role is FORBIDDEN.
 */
export function assertStructureAccess(
  user: UserContext,
  structureId: string,
  roles?: readonly Role[],
  unseen: DomainError = notFound('AUTH.NOT_FOUND', 'Structure'),
): void {
  if (!membershipIn(user, structureId)) throw unseen;
  if (roles && !hasRoleIn(user, structureId, roles))
    throw new ForbiddenError(`This requires one of the roles: ${roles.join(', ')}`);
}

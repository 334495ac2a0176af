import { ForbiddenError } from './auth.errors';
import type { Role } from './roles';
import { hasRoleIn, membershipIn, type UserContext } from './user-context';

/** Throws FORBIDDEN unless the caller belongs to the structure (with one of `roles`, when given). */
export function assertStructureAccess(user: UserContext, structureId: string, roles?: readonly Role[]): void {
  if (!membershipIn(user, structureId)) throw new ForbiddenError();
  if (roles && !hasRoleIn(user, structureId, roles))
    throw new ForbiddenError(`This requires one of the roles: ${roles.join(', ')}`);
}

import { assertStructureAccess, ForbiddenError, hasRoleIn, ROLES, type Role, type UserContext } from '@msp/auth';
import type { DomainError } from '@msp/errors';
import type { RulebookScope } from '../domain/rulebook/rulebook';

/**
 * Who may do what in their own structure; another structure's lines, rulebooks and calls answer NOT_FOUND, exactly as
 * missing ones. A practitioner writes their own rulebook and reads their own calls.
 */
export const PERMISSIONS = {
  manageLines: ['administrator'],
  manageSiteRules: ['administrator', 'coordinator'],
  /** The journal shows who called when about what (ids, intents): desk staff and those who run the practice. */
  readJournal: ['administrator', 'coordinator', 'secretary', 'medical_assistant'],
  readStatistics: ROLES,
} as const satisfies Record<string, readonly Role[]>;

export function assertRole(user: UserContext, structureId: string, roles: readonly Role[], unseen: DomainError): void {
  assertStructureAccess(user, structureId, undefined, unseen);
  if (!hasRoleIn(user, structureId, roles))
    throw new ForbiddenError(`This requires one of the roles: ${roles.join(', ')}`);
}

/** A site's rulebook: administrators and coordinators; a practitioner's: that practitioner, or an administrator. */
export function assertMayWriteRulebook(
  user: UserContext,
  structureId: string,
  scope: RulebookScope,
  unseen: DomainError,
): void {
  assertStructureAccess(user, structureId, undefined, unseen);
  if (scope.kind === 'practitioner' && scope.practitionerId === user.memberId) {
    if (hasRoleIn(user, structureId, ['practitioner'])) return;
  }
  const roles = scope.kind === 'site' ? PERMISSIONS.manageSiteRules : (['administrator'] as const);
  if (!hasRoleIn(user, structureId, roles))
    throw new ForbiddenError(
      scope.kind === 'site'
        ? `A site's rulebook requires one of the roles: ${roles.join(', ')}`
        : "A practitioner's rulebook is written by that practitioner or an administrator",
    );
}

/** Journal: desk staff and managers see every call of the structure; a practitioner sees the calls about them. */
export function assertMayReadCalls(
  user: UserContext,
  structureId: string,
  practitionerId: string | null | undefined,
  unseen: DomainError,
): void {
  assertStructureAccess(user, structureId, undefined, unseen);
  if (hasRoleIn(user, structureId, PERMISSIONS.readJournal)) return;
  if (practitionerId && practitionerId === user.memberId && hasRoleIn(user, structureId, ['practitioner'])) return;
  throw new ForbiddenError(
    `The call journal requires one of the roles: ${PERMISSIONS.readJournal.join(', ')}, or to be the practitioner the calls are about`,
  );
}

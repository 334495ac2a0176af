import { assertStructureAccess, type Role, type UserContext } from '@msp/auth';
import type { DomainError } from '@msp/errors';
import { CoordinationError } from '../domain/coordination-error';
import { assertUuid } from './input-checks';

/**
 * Who may do what in their own structure; another structure's meetings answer NOT_FOUND, exactly as missing ones.
 * Every member may read the structure's meetings and answer their own invitations.
 */
export const PERMISSIONS = {
  /** Plan, move, cancel meetings; record attendance, cases and minutes. */
  organiseMeetings: ['coordinator', 'practitioner', 'administrator'],
  /** The pluriprofessional rule and the ACI standing. */
  manageSettings: ['coordinator', 'administrator'],
  readAci: ['coordinator', 'administrator', 'practitioner'],
} as const satisfies Record<string, readonly Role[]>;

export function assertRole(user: UserContext, structureId: string, roles: readonly Role[], unseen: DomainError): void {
  assertStructureAccess(user, structureId, roles, unseen);
}

export function assertMember(user: UserContext, structureId: string, unseen: DomainError): void {
  assertStructureAccess(user, structureId, undefined, unseen);
}

/**
 * The structure an input names (`input.structureId`), once the caller holds one of `roles` there: a malformed id is
 * INVALID on that field, a structure the caller cannot see NOT_FOUND on it.
 */
export function inputStructureFor(user: UserContext, structureId: string, roles: readonly Role[]): string {
  const id = assertUuid(structureId, 'input.structureId');
  assertRole(user, id, roles, CoordinationError.notFound('Structure', 'input.structureId'));
  return id;
}

import { assertStructureAccess, type Role, type UserContext } from '@msp/auth';
import type { DomainError } from '@msp/errors';

/**
 * Who may do what in their own structure; another structure's catalogue, protocols and tasks answer NOT_FOUND,
 * exactly as missing ones. Moving a task is decided per move, against the task (see `task-permissions.ts`).
 */
export const PERMISSIONS = {
  editCatalogue: ['administrator', 'coordinator'],
  draftProtocols: ['practitioner', 'coordinator', 'administrator'],
  /** Medical control: a physician adopts, revises and retires what is delegated from physicians. */
  adoptProtocols: ['practitioner'],
  /** Assign or reassign someone else's task: those who organise the work. */
  assignTasks: ['practitioner', 'coordinator', 'administrator', 'secretary'],
  readReview: ['practitioner', 'coordinator', 'administrator'],
} as const satisfies Record<string, readonly Role[]>;

export function assertRole(user: UserContext, structureId: string, roles: readonly Role[], unseen: DomainError): void {
  assertStructureAccess(user, structureId, roles, unseen);
}

export function assertMember(user: UserContext, structureId: string, unseen: DomainError): void {
  assertStructureAccess(user, structureId, undefined, unseen);
}

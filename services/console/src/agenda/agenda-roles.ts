import type { Role } from '../workplace/me.query';

/**
 * Who may do what on the agenda's settings and waitlist, as scheduling decides it (its `PERMISSIONS`): the console only
 * hides what would be refused; scheduling checks every request itself.
 */
export const BOOKING_ROLES: readonly Role[] = ['secretary', 'medical_assistant', 'practitioner'];
/** Ranges of any practitioner; a practitioner always manages their own. */
export const RANGE_ROLES: readonly Role[] = ['administrator', 'secretary'];
/** The structure's motifs and any practitioner's; a practitioner manages their own. */
export const MOTIF_ROLES: readonly Role[] = ['administrator', 'coordinator'];

export function hasAnyRole(roles: readonly Role[], wanted: readonly Role[]): boolean {
  return wanted.some((role) => roles.includes(role));
}

/** Ranges of this practitioner: managers of ranges, or the practitioner themselves. */
export function mayManageRangesOf(roles: readonly Role[], memberId: string, practitionerId: string): boolean {
  return hasAnyRole(roles, RANGE_ROLES) || (roles.includes('practitioner') && memberId === practitionerId);
}

/** A motif of the structure (owner null) or of one practitioner. */
export function mayManageMotif(roles: readonly Role[], memberId: string, owner: string | null): boolean {
  return hasAnyRole(roles, MOTIF_ROLES) || (roles.includes('practitioner') && owner !== null && owner === memberId);
}

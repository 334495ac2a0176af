import {
  assertStructureAccess,
  ForbiddenError,
  hasRoleIn,
  ROLES,
  worksAtSite,
  type Role,
  type UserContext,
} from '@msp/auth';
import type { DomainError } from '@msp/errors';
import type { Actor } from './actor';

/**
 * Who may do what inside their own structure; nobody may do anything in a structure they do not belong to, and such a
 * structure's objects answer NOT_FOUND (`unseen`: the loaded object's own not-found error), exactly as missing ones.
 * A practitioner always manages their own agenda (ranges, absences, own motifs, own appointments).
 */
export const PERMISSIONS = {
  readAgenda: ROLES,
  manageMotifs: ['administrator', 'coordinator'],
  /** The texts of the structure's reminders and waitlist offers (SCH-8, SCH-9). */
  manageMessageTemplates: ['administrator'],
  manageOpeningRanges: ['administrator', 'secretary'],
  /** Rooms of the sites and the travel time between them (SCH-11). */
  manageSites: ['administrator'],
  declareAbsences: ['administrator', 'secretary', 'coordinator'],
  /** Staff who book, for the sites they work at. */
  book: ['practitioner', 'secretary', 'medical_assistant'],
  /** Desk staff who see the patient of any appointment at the sites they work at (SCH-7); practitioners see their own. */
  seePatientsAtSite: ['secretary', 'medical_assistant'],
} as const satisfies Record<string, readonly Role[]>;

/** Member of the structure with one of `roles`, or the practitioner `self` acting on their own agenda. */
export function assertMayManage(
  user: UserContext,
  structureId: string,
  roles: readonly Role[],
  self?: string | null,
  unseen?: DomainError,
): void {
  assertStructureAccess(user, structureId, undefined, unseen);
  if (hasRoleIn(user, structureId, roles)) return;
  if (self && self === user.memberId && hasRoleIn(user, structureId, ['practitioner'])) return;
  throw new ForbiddenError(`This requires one of the roles: ${roles.join(', ')}, or to be the practitioner`);
}

/** Staff book for the sites they work at; a practitioner books in their own agenda at any of their sites. */
export function assertMayBook(
  user: UserContext,
  structureId: string,
  siteId: string,
  practitionerId: string,
  unseen?: DomainError,
): void {
  assertStructureAccess(user, structureId, undefined, unseen);
  if (user.memberId === practitionerId && hasRoleIn(user, structureId, ['practitioner'])) return;
  if (!hasRoleIn(user, structureId, PERMISSIONS.book))
    throw new ForbiddenError(`Booking requires one of the roles: ${PERMISSIONS.book.join(', ')}`);
  if (!worksAtSite(user, structureId, siteId)) throw new ForbiddenError('You may book only for the sites you work at');
}

/**
 * Services (the virtual secretary) passed the internal API's service-identity guard; members are checked here; a
 * patient on the public page books only through online booking, never as staff.
 */
export function assertActorMayBook(
  actor: Actor,
  structureId: string,
  siteId: string,
  practitionerId: string,
  unseen?: DomainError,
): void {
  if (actor.kind === 'member') assertMayBook(actor.user, structureId, siteId, practitionerId, unseen);
  if (actor.kind === 'online') throw new ForbiddenError('Patients book online through the public booking page');
}

/**
 * Colleagues (fellow practitioners included) see busy time and motif; the patient only the practitioner of the
 * appointment and the desk staff (secretaries, medical assistants) of its site (SCH-7).
 */
export function maySeePatient(
  user: UserContext,
  appointment: { structureId: string; siteId: string; practitionerId: string; bookingStructureId?: string | null },
): boolean {
  // A pooled SNP booking (SCH-4): the patient is the booking MSP's; the host structure sees the time, the motif and
  // which MSP booked, not who (docs/security.md, "CPTS pooled SNP bookings").
  if (appointment.bookingStructureId && appointment.bookingStructureId !== appointment.structureId)
    return hasRoleIn(user, appointment.bookingStructureId, PERMISSIONS.book);
  if (user.memberId === appointment.practitionerId) return true;
  return (
    hasRoleIn(user, appointment.structureId, PERMISSIONS.seePatientsAtSite) &&
    worksAtSite(user, appointment.structureId, appointment.siteId)
  );
}

/** Calendar feeds are a practitioner's, of their own agenda. */
export function assertPractitioner(user: UserContext): void {
  if (!user.memberships.some((m) => m.roles.includes('practitioner')))
    throw new ForbiddenError('Calendar feeds are for practitioners, of their own agenda');
}

/** An exam to chase after a consultation is the practitioner's call: only a member with that role may ask for one. */
export function assertMayAskFollowUp(actor: Actor, structureId: string): void {
  if (actor.kind !== 'member' || !hasRoleIn(actor.user, structureId, ['practitioner']))
    throw new ForbiddenError('Only a practitioner may ask the team to chase an exam when completing an appointment');
}

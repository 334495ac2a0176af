import type { Role } from './roles';

/** A member's place in one structure: roles there, and the sites of that structure they work at. */
export interface Membership {
  structureId: string;
  roles: Role[];
  siteIds: string[];
}

/** Who is calling, as the gateway established it and every service trusts it. Opaque ids only. */
export interface UserContext {
  memberId: string;
  memberships: Membership[];
}

export function membershipIn(user: UserContext, structureId: string): Membership | undefined {
  return user.memberships.find((m) => m.structureId === structureId);
}

export function hasRoleIn(user: UserContext, structureId: string, roles: readonly Role[]): boolean {
  return membershipIn(user, structureId)?.roles.some((role) => roles.includes(role)) ?? false;
}

export function worksAtSite(user: UserContext, structureId: string, siteId: string): boolean {
  return membershipIn(user, structureId)?.siteIds.includes(siteId) ?? false;
}

export function structureIdsOf(user: UserContext): string[] {
  return user.memberships.map((m) => m.structureId);
}

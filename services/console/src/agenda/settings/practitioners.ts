import type { StructureMember } from './agenda-settings.queries';

/** The members who hold the practitioner role in this structure, by last name. */
export function practitionersIn(members: readonly StructureMember[], structureId: string): StructureMember[] {
  return members
    .filter((m) => m.memberships.some((s) => s.structure.id === structureId && s.roles.includes('practitioner')))
    .sort((a, b) => a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr'));
}

export function memberName(member: Pick<StructureMember, 'firstName' | 'lastName'>): string {
  return `${member.firstName} ${member.lastName}`;
}

import { DateTime } from 'luxon';
import type { SiteMember } from './calls.queries';

/** "lun. 3 nov., 09:12" in the site's zone (not the browser's). */
export function callTime(instant: string, timeZone: string): string {
  return DateTime.fromISO(instant, { zone: timeZone }).setLocale('fr').toFormat("ccc d LLL', 'HH:mm");
}

export function memberName(members: readonly SiteMember[], id: string | null): string | null {
  if (!id) return null;
  const member = members.find((m) => m.id === id);
  return member ? `${member.firstName} ${member.lastName}` : null;
}

/** Practitioners (by role) of the site, by last name: whom a simulated call or a duty rule may name. */
export function practitionersOf(members: readonly SiteMember[]): SiteMember[] {
  return members
    .filter((m) => m.roles.includes('practitioner'))
    .sort((a, b) => a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr'));
}

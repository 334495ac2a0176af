import { DateTime } from 'luxon';
import type { StructureMember } from './meetings.queries';

/** Members by id; someone who left the structure since is named by a short reference, never guessed. */
export type MemberIndex = ReadonlyMap<string, StructureMember>;

export function indexMembers(members: readonly StructureMember[]): MemberIndex {
  return new Map(members.map((m) => [m.id, m]));
}

export const shortRef = (id: string): string => id.slice(0, 8).toUpperCase();

export function fullName(member: StructureMember): string {
  return `${member.firstName} ${member.lastName}`;
}

/** "mardi 8 décembre 2026" in the structure's zone. */
export function dayLabel(instant: string, timeZone: string): string {
  return DateTime.fromISO(instant, { zone: timeZone }).setLocale('fr').toFormat('cccc d LLLL yyyy');
}

export function timeLabel(instant: string, timeZone: string): string {
  return DateTime.fromISO(instant, { zone: timeZone }).toFormat('HH:mm');
}

/** "08/12/2026" in the structure's zone. */
export function shortDate(instant: string, timeZone: string): string {
  return DateTime.fromISO(instant, { zone: timeZone }).toFormat('dd/LL/yyyy');
}

/** The end of a local date (`YYYY-MM-DD`) in the structure's zone, as an instant: an action item's due date. */
export function endOfLocalDay(date: string, timeZone: string): string {
  return DateTime.fromISO(date, { zone: timeZone }).set({ hour: 18, minute: 0 }).toUTC().toISO() as string;
}

/** Downloads bytes the API sent as base64 (the minutes PDF): a Blob and a temporary link, no token in any URL. */
export function downloadBase64(base64: string, contentType: string, fileName: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click returns; the URL is freed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

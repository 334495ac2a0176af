import type { AttendanceStatusV1, CaseThemeV1, InvitationAnswerV1, MeetingKindV1 } from '@msp/contracts';
import { CoordinationError } from './coordination-error';

export type MeetingKind = MeetingKindV1;
export type CaseTheme = CaseThemeV1;
export type InvitationAnswer = InvitationAnswerV1;
export type AttendanceStatus = AttendanceStatusV1;

export const MEETING_KINDS = [
  'rcp',
  'synthesis',
  'staff',
  'cpts_working_group',
  'training',
] as const satisfies readonly MeetingKind[];

/** `held` once attendance is first recorded; the minutes close on a held meeting only. */
export const MEETING_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** The kinds the ACI counts as concertation when their rule is met and their minutes are closed (COO-7). */
export const CONCERTATION_KINDS: ReadonlySet<MeetingKind> = new Set<MeetingKind>(['rcp', 'synthesis']);

/** A meeting longer than a working day is a mistake, not a meeting. */
export const MAX_MEETING_MINUTES = 8 * 60;
export const MAX_INVITEES = 60;

/** A meeting's time: it ends after it starts, within a day's work. */
export function checkMeetingTime(startsAt: Date, endsAt: Date, field = 'input.endsAt'): void {
  if (endsAt.getTime() <= startsAt.getTime()) throw CoordinationError.invalid(field, 'must be after startsAt');
  if (endsAt.getTime() - startsAt.getTime() > MAX_MEETING_MINUTES * 60_000)
    throw CoordinationError.invalid(field, `a meeting lasts at most ${MAX_MEETING_MINUTES / 60} hours`);
}

/** A remote meeting has a video link and no site; an on-site one may have both. */
export function checkVenue(siteId: string | null, videoLink: string | null): void {
  if (!siteId && !videoLink)
    throw CoordinationError.invalid('input.siteId', 'a meeting takes place at a site or through a video link');
  if (videoLink !== null && !/^https:\/\/[^\s]+$/.test(videoLink))
    throw CoordinationError.invalid('input.videoLink', 'must be an https:// link');
}

import type { EventPayloads } from '@msp/contracts';
import type { Meeting } from '../ports/meeting.repository';

/** The members whose agendas the meeting holds: every invitee who has not declined. */
export const agendaHolders = (meeting: Meeting): string[] =>
  meeting.invitations.filter((i) => i.answer !== 'no').map((i) => i.memberId);

export const meetingScheduled = (meeting: Meeting, at: Date): EventPayloads['coordination.meeting.scheduled.v1'] => ({
  meetingId: meeting.id,
  structureId: meeting.structureId,
  kind: meeting.kind,
  siteId: meeting.siteId,
  seriesId: meeting.seriesId,
  startsAt: meeting.startsAt.toISOString(),
  endsAt: meeting.endsAt.toISOString(),
  attendeeIds: agendaHolders(meeting),
  scheduledAt: at.toISOString(),
});

export const meetingRescheduled = (
  meeting: Meeting,
  previous: Pick<Meeting, 'startsAt' | 'endsAt'>,
  at: Date,
): EventPayloads['coordination.meeting.rescheduled.v1'] => ({
  meetingId: meeting.id,
  structureId: meeting.structureId,
  startsAt: meeting.startsAt.toISOString(),
  endsAt: meeting.endsAt.toISOString(),
  previousStartsAt: previous.startsAt.toISOString(),
  previousEndsAt: previous.endsAt.toISOString(),
  attendeeIds: agendaHolders(meeting),
  rescheduledAt: at.toISOString(),
});

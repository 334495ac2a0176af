import type { AttendanceStatus, InvitationAnswer, MeetingKind, MeetingStatus } from '../../domain/meeting';

export interface Invitation {
  memberId: string;
  answer: InvitationAnswer | 'pending';
  answeredAt: Date | null;
  /** Scheduling could not block this member's agenda: patients are booked over the meeting. */
  agendaRefused: boolean;
  overlappingAppointments: number;
  attendance: AttendanceStatus | null;
}

export interface Meeting {
  id: string;
  structureId: string;
  seriesId: string | null;
  kind: MeetingKind;
  title: string;
  siteId: string | null;
  videoLink: string | null;
  startsAt: Date;
  endsAt: Date;
  status: MeetingStatus;
  organizerId: string;
  version: number;
  heldAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  professionsPresent: string[];
  /** Null until attendance is recorded. */
  pluriprofessional: boolean | null;
  minutesClosedAt: Date | null;
  minutesClosedBy: string | null;
  createdAt: Date;
  invitations: Invitation[];
}

export type NewMeeting = Omit<
  Meeting,
  | 'status'
  | 'version'
  | 'heldAt'
  | 'cancelledAt'
  | 'cancelReason'
  | 'professionsPresent'
  | 'pluriprofessional'
  | 'minutesClosedAt'
  | 'minutesClosedBy'
  | 'invitations'
> & { inviteeIds: string[] };

export abstract class MeetingRepository {
  /** Writes the meeting and its invitations; false when a series already has an occurrence at that start. */
  abstract insert(meeting: NewMeeting): Promise<boolean>;
  abstract byId(meetingId: string): Promise<Meeting | null>;
  /** No meeting at all, or none of the structure's when one is named. */
  abstract isEmpty(structureId?: string): Promise<boolean>;
  /** The meeting this transaction just wrote: its absence is a bug, not a refusal. */
  abstract reread(meetingId: string): Promise<Meeting>;
  /** The meeting, locked for the rest of the transaction. */
  abstract lock(meetingId: string): Promise<Meeting | null>;
  abstract many(meetingIds: readonly string[]): Promise<Meeting[]>;
  /** The structure's meetings starting in [from, to), by start. */
  abstract between(structureId: string, from: Date, to: Date): Promise<Meeting[]>;
  /** Meetings `memberId` is invited to, starting in [from, to), by start. */
  abstract invitedTo(memberId: string, from: Date, to: Date): Promise<Meeting[]>;
  abstract move(meetingId: string, startsAt: Date, endsAt: Date, at: Date): Promise<void>;
  abstract cancel(meetingId: string, reason: string | null, at: Date): Promise<void>;
  abstract answer(meetingId: string, memberId: string, answer: InvitationAnswer, at: Date): Promise<void>;
  /** Scheduling said patients are booked over the meeting for this member (order-safe: the latest count wins). */
  abstract agendaRefused(meetingId: string, memberId: string, overlappingAppointments: number): Promise<boolean>;
  /** A new start forgets the former refusals: scheduling tells again for the new time. */
  abstract resetAgendaRefusals(meetingId: string): Promise<void>;
}

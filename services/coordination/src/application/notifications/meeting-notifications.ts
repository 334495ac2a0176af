import { Injectable } from '@nestjs/common';
import type { Meeting } from '../ports/meeting.repository';
import { NotificationRepository, type PlannedNotification } from '../ports/notification.repository';

/** Reminders the day before and two hours before, as practices remind patients (facts §5: D-1, H-2). */
export const REMINDER_OFFSETS_MS = [24 * 3_600_000, 2 * 3_600_000] as const;

const attending = (meeting: Meeting): string[] =>
  meeting.invitations.filter((i) => i.answer !== 'no').map((i) => i.memberId);

/**
 * What a meeting's invitees are told, planned in the meeting's transaction (the notification outbox): the invitation
 * now, reminders before it; a move or a cancellation replaces what was not yet delivered.
 */
@Injectable()
export class MeetingNotifications {
  constructor(private readonly notifications: NotificationRepository) {}

  async scheduled(meeting: Meeting, now: Date): Promise<void> {
    const invited = meeting.invitations.map((i) => i.memberId).filter((id) => id !== meeting.organizerId);
    await this.notifications.plan(
      [
        ...invited.map((memberId) => this.now(meeting, memberId, 'invitation', now)),
        ...this.reminders(meeting, attending(meeting), now),
      ],
      now,
    );
  }

  async rescheduled(meeting: Meeting, now: Date): Promise<void> {
    await this.notifications.dropUndelivered(meeting.id, ['reminder']);
    const told = attending(meeting).filter((id) => id !== meeting.organizerId);
    await this.notifications.plan(
      [
        ...told.map((memberId) => this.now(meeting, memberId, 'rescheduled', now)),
        ...this.reminders(meeting, attending(meeting), now),
      ],
      now,
    );
  }

  async cancelled(meeting: Meeting, now: Date): Promise<void> {
    await this.notifications.dropUndelivered(meeting.id, ['invitation', 'reminder', 'rescheduled']);
    const told = attending(meeting).filter((id) => id !== meeting.organizerId);
    await this.notifications.plan(
      told.map((memberId) => this.now(meeting, memberId, 'cancelled', now)),
      now,
    );
  }

  async answered(meeting: Meeting, memberId: string, now: Date): Promise<void> {
    const answer = meeting.invitations.find((i) => i.memberId === memberId)?.answer;
    if (answer === 'no') await this.notifications.dropUndelivered(meeting.id, ['reminder'], memberId);
    else await this.notifications.plan(this.reminders(meeting, [memberId], now), now);
  }

  private now(meeting: Meeting, memberId: string, kind: PlannedNotification['kind'], now: Date): PlannedNotification {
    return { meetingId: meeting.id, memberId, kind, dueAt: now };
  }

  private reminders(meeting: Meeting, memberIds: readonly string[], now: Date): PlannedNotification[] {
    return REMINDER_OFFSETS_MS.map((offset) => new Date(meeting.startsAt.getTime() - offset))
      .filter((dueAt) => dueAt.getTime() > now.getTime())
      .flatMap((dueAt) =>
        memberIds.map((memberId) => ({ meetingId: meeting.id, memberId, kind: 'reminder' as const, dueAt })),
      );
  }
}

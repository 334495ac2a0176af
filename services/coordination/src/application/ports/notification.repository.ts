export type NotificationKind = 'invitation' | 'reminder' | 'rescheduled' | 'cancelled';

export interface PlannedNotification {
  meetingId: string;
  memberId: string;
  kind: NotificationKind;
  dueAt: Date;
}

export interface MemberNotification extends PlannedNotification {
  id: string;
  deliveredAt: Date | null;
  readAt: Date | null;
}

/** The notification outbox: what members are to be told about meetings, and when. */
export abstract class NotificationRepository {
  /** Plans them; one already planned (same meeting, member, kind and time) is not planned twice. */
  abstract plan(notifications: readonly PlannedNotification[], at: Date): Promise<void>;
  /** Drops what was planned and not yet delivered: of the whole meeting, or of one member. */
  abstract dropUndelivered(meetingId: string, kinds: readonly NotificationKind[], memberId?: string): Promise<void>;
  /** Marks up to `limit` due notifications delivered, oldest first, and returns them. */
  abstract deliverDue(now: Date, limit: number): Promise<MemberNotification[]>;
  /** A member's delivered notifications, newest first. */
  abstract ofMember(memberId: string, limit: number): Promise<MemberNotification[]>;
  abstract markRead(memberId: string, notificationIds: readonly string[], at: Date): Promise<number>;
}

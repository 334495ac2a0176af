import type { MemberNotification } from './notification.repository';

/** A notification as a channel tells it: what happened to which meeting, and when that meeting is. */
export interface NotificationToDeliver {
  notification: MemberNotification;
  meeting: { title: string; startsAt: Date; endsAt: Date; status: string } | null;
}

/**
 * A channel members are told through, beyond the in-app inbox (issue 14 brings e-mail over SMTP). Called in the
 * transaction that marks the notifications delivered: a channel that throws rolls the batch back, and the next sweep
 * tries it again, so a channel sees each notification at least once and the inbox exactly once.
 */
export abstract class MemberNotifier {
  abstract deliver(notifications: readonly NotificationToDeliver[]): Promise<void>;
}

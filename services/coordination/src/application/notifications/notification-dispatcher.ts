import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@msp/persistence';
import { MemberNotifier } from '../ports/member-notifier.port';
import { MeetingRepository } from '../ports/meeting.repository';
import { NotificationRepository } from '../ports/notification.repository';

const BATCH = 200;
/** A sweep stops after this many batches: what is left waits for the next tick instead of holding it. */
const MAX_BATCHES = 25;

/**
 * Delivers what the notification outbox says is due (invitations, reminders, changes): marked delivered, it is in the
 * member's inbox; the configured channels are told in the same transaction. Replicas take disjoint rows
 * (SKIP LOCKED); a cancelled meeting's or a declined invitee's reminders were dropped from the outbox when it happened.
 */
@Injectable()
export class NotificationDispatcher {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly notifications: NotificationRepository,
    private readonly meetings: MeetingRepository,
    private readonly notifier: MemberNotifier,
  ) {}

  /** The number delivered. */
  async deliverDue(now: Date): Promise<number> {
    let delivered = 0;
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const count = await this.transactions.run(async () => {
        const due = await this.notifications.deliverDue(now, BATCH);
        if (!due.length) return 0;
        const meetings = new Map(
          (await this.meetings.many([...new Set(due.map((n) => n.meetingId))])).map((m) => [m.id, m]),
        );
        await this.notifier.deliver(
          due.map((notification) => {
            const meeting = meetings.get(notification.meetingId);
            return {
              notification,
              meeting: meeting
                ? { title: meeting.title, startsAt: meeting.startsAt, endsAt: meeting.endsAt, status: meeting.status }
                : null,
            };
          }),
        );
        return due.length;
      });
      delivered += count;
      if (count < BATCH) break;
    }
    return delivered;
  }
}

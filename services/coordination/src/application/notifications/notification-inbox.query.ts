import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { Clock } from '@msp/service-kit';
import { CoordinationError } from '../../domain/coordination-error';
import { assertUuid } from '../input-checks';
import { MeetingRepository } from '../ports/meeting.repository';
import { NotificationRepository, type MemberNotification } from '../ports/notification.repository';

export interface InboxEntry extends MemberNotification {
  meetingTitle: string;
  meetingStartsAt: Date;
}

const DEFAULT_LIMIT = 30;
const MAX_LIMIT = 200;
const MAX_MARKED = 500;

/** A member's in-app inbox: the notifications delivered to them, newest first; only they read and mark them. */
@Injectable()
export class NotificationInboxQuery {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly meetings: MeetingRepository,
    private readonly clock: Clock,
  ) {}

  async mine(user: UserContext, limit?: number | null): Promise<InboxEntry[]> {
    const take = limit ?? DEFAULT_LIMIT;
    if (!Number.isInteger(take) || take < 1 || take > MAX_LIMIT)
      throw CoordinationError.invalid('limit', `must be 1 to ${MAX_LIMIT}`);
    const delivered = await this.notifications.ofMember(user.memberId, take);
    const meetings = new Map(
      (await this.meetings.many([...new Set(delivered.map((n) => n.meetingId))])).map((m) => [m.id, m]),
    );
    return delivered.flatMap((n) => {
      const meeting = meetings.get(n.meetingId);
      return meeting ? [{ ...n, meetingTitle: meeting.title, meetingStartsAt: meeting.startsAt }] : [];
    });
  }

  /** The number newly marked read; another member's ids, or ids already read, count for nothing. */
  async markRead(user: UserContext, ids: readonly string[]): Promise<number> {
    if (!Array.isArray(ids) || ids.length > MAX_MARKED)
      throw CoordinationError.invalid('ids', `list at most ${MAX_MARKED} notifications`);
    ids.forEach((id, i) => assertUuid(id, `ids[${i}]`));
    if (!ids.length) return 0;
    return this.notifications.markRead(user.memberId, [...new Set(ids)], this.clock.now());
  }
}

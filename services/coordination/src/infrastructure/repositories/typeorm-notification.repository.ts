import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { activeManager } from '@msp/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import {
  NotificationRepository,
  type MemberNotification,
  type NotificationKind,
  type PlannedNotification,
} from '../../application/ports/notification.repository';

interface NotificationRow {
  id: string;
  meeting_id: string;
  member_id: string;
  kind: NotificationKind;
  due_at: Date;
  delivered_at: Date | null;
  read_at: Date | null;
}

const toNotification = (r: NotificationRow): MemberNotification => ({
  id: r.id,
  meetingId: r.meeting_id,
  memberId: r.member_id,
  kind: r.kind,
  dueAt: r.due_at,
  deliveredAt: r.delivered_at,
  readAt: r.read_at,
});

@Injectable()
export class TypeOrmNotificationRepository implements NotificationRepository {
  constructor(private readonly db: DataSource) {}

  async plan(notifications: readonly PlannedNotification[], at: Date): Promise<void> {
    if (!notifications.length) return;
    await this.manager().query(
      `insert into notification (id, meeting_id, member_id, kind, due_at, created_at)
       select id, meeting_id, member_id, kind, due_at, $6::timestamptz
       from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[]) as n(id, meeting_id, member_id, kind, due_at)
       on conflict on constraint notification_once do nothing`,
      [
        notifications.map(() => randomUUID()),
        notifications.map((n) => n.meetingId),
        notifications.map((n) => n.memberId),
        notifications.map((n) => n.kind),
        notifications.map((n) => n.dueAt),
        at,
      ],
    );
  }

  async dropUndelivered(meetingId: string, kinds: readonly NotificationKind[], memberId?: string): Promise<void> {
    await this.manager().query(
      `delete from notification
       where meeting_id = $1 and kind = any($2::text[]) and delivered_at is null and ($3::uuid is null or member_id = $3)`,
      [meetingId, kinds, memberId ?? null],
    );
  }

  async deliverDue(now: Date, limit: number): Promise<MemberNotification[]> {
    // Replicas share the work: each takes rows the others have not locked. TypeORM answers an UPDATE with
    // [rows, affected count].
    const [rows]: [NotificationRow[], number] = await this.manager().query(
      `update notification set delivered_at = $1
       where id in (select id from notification where delivered_at is null and due_at <= $1
                    order by due_at, id limit $2 for update skip locked)
       returning id, meeting_id, member_id, kind, due_at, delivered_at, read_at`,
      [now, limit],
    );
    return rows.map(toNotification);
  }

  async ofMember(memberId: string, limit: number): Promise<MemberNotification[]> {
    const rows: NotificationRow[] = await this.manager().query(
      `select id, meeting_id, member_id, kind, due_at, delivered_at, read_at from notification
       where member_id = $1 and delivered_at is not null order by due_at desc, id limit $2`,
      [memberId, limit],
    );
    return rows.map(toNotification);
  }

  async markRead(memberId: string, notificationIds: readonly string[], at: Date): Promise<number> {
    const [, marked]: [unknown[], number] = await this.manager().query(
      `update notification set read_at = $3
       where member_id = $1 and id = any($2::uuid[]) and read_at is null and delivered_at is not null`,
      [memberId, notificationIds, at],
    );
    return marked;
  }

  private manager(): EntityManager {
    return activeManager() ?? this.db.manager;
  }
}

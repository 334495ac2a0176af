import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { NotificationInboxQuery } from '../../../application/notifications/notification-inbox.query';
import { MeetingNotificationType, type NotificationKindEnum } from '../types/inbox.types';

/** The member's in-app inbox of meeting notifications. */
@Resolver(() => MeetingNotificationType)
export class InboxResolver {
  constructor(private readonly inbox: NotificationInboxQuery) {}

  @Query(() => [MeetingNotificationType], { description: 'My delivered meeting notifications, newest first' })
  async myNotifications(
    @CurrentUser() user: UserContext,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number | null,
  ): Promise<MeetingNotificationType[]> {
    return (await this.inbox.mine(user, limit)).map((n) => ({ ...n, kind: n.kind as NotificationKindEnum }));
  }

  @Mutation(() => Int, { description: 'Marks my notifications read; answers how many were newly marked' })
  markNotificationsRead(
    @CurrentUser() user: UserContext,
    @Args('ids', { type: () => [ID] }) ids: string[],
  ): Promise<number> {
    return this.inbox.markRead(user, ids);
  }
}

import { Module } from '@nestjs/common';
import { NotificationDispatcher } from '../application/notifications/notification-dispatcher';
import { NotificationInboxQuery } from '../application/notifications/notification-inbox.query';
import { MemberNotifier } from '../application/ports/member-notifier.port';
import { InAppInboxNotifier } from '../infrastructure/notifications/in-app-inbox.notifier';
import { InboxResolver } from '../interface/graphql/resolvers/inbox.resolver';
import { CoordinationPersistenceModule } from './coordination-persistence.module';

/** Invitations, reminders and changes delivered from the notification outbox to members' inboxes. */
@Module({
  imports: [CoordinationPersistenceModule],
  providers: [
    NotificationDispatcher,
    NotificationInboxQuery,
    InboxResolver,
    { provide: MemberNotifier, useClass: InAppInboxNotifier },
  ],
  exports: [NotificationDispatcher],
})
export class NotificationInboxModule {}

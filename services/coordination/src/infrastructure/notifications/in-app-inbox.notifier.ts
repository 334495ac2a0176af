import { Injectable } from '@nestjs/common';
import { MemberNotifier, type NotificationToDeliver } from '../../application/ports/member-notifier.port';

/**
 * The in-app inbox is the delivered rows themselves (`myNotifications` reads them): marking them delivered was the
 * delivery, and this channel has nothing to send. E-mail (issue 14) binds its own `MemberNotifier` beside it.
 */
@Injectable()
export class InAppInboxNotifier extends MemberNotifier {
  async deliver(_notifications: readonly NotificationToDeliver[]): Promise<void> {
    // Nothing leaves the service: the inbox reads what the dispatcher just marked delivered.
  }
}

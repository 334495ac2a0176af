import { Injectable, Logger } from '@nestjs/common';
import type {
  NotificationProvider,
  NotificationReceipt,
  ReminderMessage,
} from '../../application/ports/notification-provider';

/** The default provider: writes that a message would go out, with ids only (no identity ever reaches the logs). */
@Injectable()
export class LogNotificationProvider implements NotificationProvider {
  readonly name = 'log';
  private readonly logger = new Logger('Reminders');

  async send(message: ReminderMessage): Promise<NotificationReceipt> {
    this.logger.log({
      msg: 'reminder',
      kind: message.kind,
      notificationId: message.notificationId,
      appointmentId: message.appointmentId,
      patientId: message.patientId,
      rule: message.rule,
      startsAt: message.startsAt.toISOString(),
    });
    return { providerMessageId: `log:${message.notificationId}` };
  }
}

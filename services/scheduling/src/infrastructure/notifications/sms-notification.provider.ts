import { PatientMessageComposer } from '../../application/notifications/patient-message.composer';
import {
  UndeliverableNotification,
  type NotificationProvider,
  type NotificationReceipt,
  type ReminderMessage,
} from '../../application/ports/notification-provider';
import type { PatientDirectory } from '../../application/ports/patient-directory.port';
import { contactFor } from './patient-contact';

/** An SMS operator's API (BrevoSmsGateway). */
export interface SmsGateway {
  send(to: string, text: string, idempotencyKey: string): Promise<{ messageId: string }>;
}

/**
 * Sends patients their messages by SMS: the number is asked of the directory at send time, never kept; the text is the
 * template's short SMS text, which names the time and place only.
 */
export class SmsNotificationProvider implements NotificationProvider {
  readonly name = 'sms';

  constructor(
    private readonly gateway: SmsGateway,
    private readonly directory: PatientDirectory,
    private readonly composer: PatientMessageComposer,
  ) {}

  async send(message: ReminderMessage): Promise<NotificationReceipt> {
    const contact = await contactFor(this.directory, message);
    if (!contact.phone) throw new UndeliverableNotification('no phone number on file for this patient', 'channel');
    const { sms } = await this.composer.compose(message, contact.structureName);
    const { messageId } = await this.gateway.send(contact.phone, sms, message.notificationId);
    return { providerMessageId: messageId, via: this.name };
  }
}

import type {
  NotificationProvider,
  NotificationReceipt,
  ReminderMessage,
} from '../../application/ports/notification-provider';
import type { PatientContactResolver, ReminderText } from './patient-contact.port';

/** An SMS gateway (an operator's HTTP API); not wired to any real service here. */
export interface SmsGateway {
  send(to: string, text: string, idempotencyKey: string): Promise<{ messageId: string }>;
}

/** Sends reminders by SMS: the number is asked of the directory at send time, the text names the time and place only. */
export class SmsNotificationProvider implements NotificationProvider {
  readonly name = 'sms';

  constructor(
    private readonly gateway: SmsGateway,
    private readonly contacts: PatientContactResolver,
    private readonly text: ReminderText,
  ) {}

  async send(message: ReminderMessage): Promise<NotificationReceipt> {
    const contact = await this.contacts.contactOf(message.patientId, message.structureId);
    if (!contact?.phone) throw new Error('no phone number on file for this patient');
    const { messageId } = await this.gateway.send(
      contact.phone,
      await this.text.render(message.startsAt, message.siteId),
      message.notificationId,
    );
    return { providerMessageId: messageId };
  }
}

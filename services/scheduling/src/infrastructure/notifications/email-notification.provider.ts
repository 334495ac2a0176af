import type {
  NotificationProvider,
  NotificationReceipt,
  ReminderMessage,
} from '../../application/ports/notification-provider';
import type { PatientContactResolver, ReminderText } from './patient-contact.port';

/** A mail transfer service (SMTP relay or HTTP API); not wired to any real service here. */
export interface MailTransport {
  send(mail: { to: string; subject: string; text: string; idempotencyKey: string }): Promise<{ messageId: string }>;
}

/** Sends reminders by e-mail: the address is asked of the directory at send time. */
export class EmailNotificationProvider implements NotificationProvider {
  readonly name = 'email';

  constructor(
    private readonly transport: MailTransport,
    private readonly contacts: PatientContactResolver,
    private readonly text: ReminderText,
  ) {}

  async send(message: ReminderMessage): Promise<NotificationReceipt> {
    const contact = await this.contacts.contactOf(message.patientId, message.structureId);
    if (!contact?.email) throw new Error('no e-mail address on file for this patient');
    const { messageId } = await this.transport.send({
      to: contact.email,
      subject: 'Rappel de rendez-vous',
      text: await this.text.render(message.startsAt, message.siteId),
      idempotencyKey: message.notificationId,
    });
    return { providerMessageId: messageId };
  }
}

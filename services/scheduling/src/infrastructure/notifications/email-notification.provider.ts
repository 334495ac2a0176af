import { PatientMessageComposer } from '../../application/notifications/patient-message.composer';
import {
  UndeliverableNotification,
  type NotificationProvider,
  type NotificationReceipt,
  type ReminderMessage,
} from '../../application/ports/notification-provider';
import type { PatientDirectory } from '../../application/ports/patient-directory.port';
import { contactFor } from './patient-contact';

/** A mail transfer service (an SMTP relay: SmtpMailTransport). */
export interface MailTransport {
  send(mail: {
    to: string;
    /** The sender's display name, e.g. the practice's name. */
    fromName: string;
    subject: string;
    text: string;
    idempotencyKey: string;
  }): Promise<{ messageId: string }>;
}

/** Sends patients their messages by e-mail: the address is asked of the directory at send time, never kept. */
export class EmailNotificationProvider implements NotificationProvider {
  readonly name = 'email';

  constructor(
    private readonly transport: MailTransport,
    private readonly directory: PatientDirectory,
    private readonly composer: PatientMessageComposer,
  ) {}

  async send(message: ReminderMessage): Promise<NotificationReceipt> {
    const contact = await contactFor(this.directory, message);
    if (!contact.email) throw new UndeliverableNotification('no e-mail address on file for this patient', 'channel');
    const { subject, body } = await this.composer.compose(message, contact.structureName);
    const { messageId } = await this.transport.send({
      to: contact.email,
      fromName: contact.structureName,
      subject,
      text: body,
      idempotencyKey: message.notificationId,
    });
    return { providerMessageId: messageId, via: this.name };
  }
}

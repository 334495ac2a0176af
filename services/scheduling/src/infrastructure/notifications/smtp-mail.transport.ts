import { createTransport, type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { MailTransport } from './email-notification.provider';

export interface SmtpSettings {
  /** `smtp://user:password@host:587` (STARTTLS when offered) or `smtps://…:465`; a secret: never logged. */
  url: string;
  /** The sender's address, e.g. `rappels@msp-exemple.fr`; the display name is the practice's. */
  from: string;
  /** Where a domain of ours names its messages (`<notification id>@<domain>`). */
  messageIdDomain: string;
}

/**
 * E-mail through an SMTP relay with nodemailer, one connection per message (reminders come in small batches). The notification id becomes the Message-ID, so a
 * message sent again after a lost acknowledgement carries the same id, which mail systems deduplicate on.
 */
export class SmtpMailTransport implements MailTransport {
  private readonly transporter: Transporter<SMTPTransport.SentMessageInfo>;

  constructor(private readonly settings: SmtpSettings) {
    const options: SMTPTransport.Options = {
      url: settings.url,
      // Bounded, so that a relay that does not answer is retried by the outbox rather than holding the batch.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    };
    this.transporter = createTransport(options);
  }

  async send(mail: Parameters<MailTransport['send']>[0]): Promise<{ messageId: string }> {
    const info = await this.transporter.sendMail({
      from: { name: mail.fromName, address: this.settings.from },
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: `<${mail.idempotencyKey}@${this.settings.messageIdDomain}>`,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    return { messageId: info.messageId };
  }

  close(): void {
    this.transporter.close();
  }
}

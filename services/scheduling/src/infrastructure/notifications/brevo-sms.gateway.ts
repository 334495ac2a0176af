import { BrevoClient, BrevoError } from '@getbrevo/brevo';
import type { SmsGateway } from './sms-notification.provider';

export interface BrevoSmsSettings {
  /** A secret: never logged. */
  apiKey: string;
  /** What the patient's phone shows as sender: up to 11 letters and digits, or a number of up to 15 digits. */
  sender: string;
  /** Brevo's API base (`https://api.brevo.com/v3`); another one only for a stand-in in tests. */
  baseUrl: string;
  timeoutSeconds?: number;
}

/**
 * Transactional SMS through Brevo's official SDK (`@getbrevo/brevo`, `transactionalSms.sendAsyncTransactionalSms`, POST
 * `/transactionalSMS/send`). Brevo takes no idempotency key: the notification id goes as the message's tag, so a
 * message sent twice after a lost acknowledgement can be traced; the SDK's own retries are off (the outbox retries,
 * with back-off, and would multiply them). Brevo's 4xx refusals other than 429 are failures the outbox retries too
 * and then gives up on after its attempts.
 */
export class BrevoSmsGateway implements SmsGateway {
  private readonly client: BrevoClient;

  constructor(private readonly settings: BrevoSmsSettings) {
    this.client = new BrevoClient({
      apiKey: settings.apiKey,
      baseUrl: settings.baseUrl,
      maxRetries: 0,
      timeoutInSeconds: settings.timeoutSeconds ?? 15,
    });
  }

  async send(to: string, text: string, idempotencyKey: string): Promise<{ messageId: string }> {
    try {
      const answer = await this.client.transactionalSms.sendAsyncTransactionalSms({
        sender: this.settings.sender,
        recipient: to.replace(/^\+/, ''),
        content: text,
        type: 'transactional',
        unicodeEnabled: true,
        tag: idempotencyKey,
      });
      return { messageId: String(answer.messageId) };
    } catch (error) {
      // The SDK's error carries the response body, with the number and the text: only the status and Brevo's code
      // leave here, and the SDK's error is not attached as cause, so no log or outbox row ever holds them.
      if (error instanceof BrevoError)
        // eslint-disable-next-line preserve-caught-error
        throw new Error(`Brevo refused the SMS (${error.statusCode ?? 'no status'}${codeOf(error.body)})`);
      throw error;
    }
  }
}

function codeOf(body: unknown): string {
  const code = (body as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? `: ${code.slice(0, 64)}` : '';
}

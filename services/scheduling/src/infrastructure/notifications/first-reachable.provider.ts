import {
  UndeliverableNotification,
  type NotificationProvider,
  type NotificationReceipt,
  type ReminderMessage,
} from '../../application/ports/notification-provider';

/**
 * Several channels in order of preference (`NOTIFICATION_PROVIDERS=sms,email`): the first one that can reach the
 * patient sends; the next is tried only when one says the patient cannot be reached that way (no number, no
 * address). Any other failure is the outbox's to retry, with the same idempotency key.
 */
export class FirstReachableProvider implements NotificationProvider {
  readonly name: string;

  constructor(private readonly providers: readonly NotificationProvider[]) {
    this.name = providers.map((p) => p.name).join(',');
  }

  async send(message: ReminderMessage): Promise<NotificationReceipt> {
    const reasons: string[] = [];
    for (const provider of this.providers) {
      try {
        const receipt = await provider.send(message);
        return { ...receipt, via: receipt.via ?? provider.name };
      } catch (error) {
        if (!(error instanceof UndeliverableNotification)) throw error;
        if (error.scope === 'patient') throw error;
        reasons.push(error.message);
      }
    }
    throw new UndeliverableNotification(reasons.join('; '), 'channel');
  }
}

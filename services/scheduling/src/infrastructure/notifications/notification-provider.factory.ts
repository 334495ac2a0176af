import type { NotificationSettings } from '../../application/patient-services-settings';
import type { PatientMessageComposer } from '../../application/notifications/patient-message.composer';
import type { NotificationProvider } from '../../application/ports/notification-provider';
import type { PatientDirectory } from '../../application/ports/patient-directory.port';
import { BrevoSmsGateway } from './brevo-sms.gateway';
import { EmailNotificationProvider } from './email-notification.provider';
import { FirstReachableProvider } from './first-reachable.provider';
import { LogNotificationProvider } from './log-notification.provider';
import { SmsNotificationProvider } from './sms-notification.provider';
import { SmtpMailTransport } from './smtp-mail.transport';

/**
 * The provider NOTIFICATION_PROVIDERS names: `log` (the default: ids only, nothing reaches a patient), `email` (SMTP),
 * `sms` (Brevo), or both in order of preference. The configuration checked that each channel has its settings.
 */
export function notificationProviderOf(
  settings: NotificationSettings,
  directory: PatientDirectory,
  composer: PatientMessageComposer,
): NotificationProvider {
  const providers = settings.channels.map((channel): NotificationProvider => {
    switch (channel) {
      case 'log':
        return new LogNotificationProvider();
      case 'email':
        if (!settings.smtp) throw new Error('NOTIFICATION_PROVIDERS has email but SMTP_URL or SMTP_FROM is missing');
        return new EmailNotificationProvider(new SmtpMailTransport(settings.smtp), directory, composer);
      case 'sms':
        if (!settings.brevo)
          throw new Error('NOTIFICATION_PROVIDERS has sms but BREVO_API_KEY or BREVO_SMS_SENDER is missing');
        return new SmsNotificationProvider(new BrevoSmsGateway(settings.brevo), directory, composer);
    }
  });
  return providers.length === 1 ? providers[0] : new FirstReachableProvider(providers);
}

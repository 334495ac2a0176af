import type { ReminderMessage } from '../../application/ports/notification-provider';
import { EmailNotificationProvider, type MailTransport } from './email-notification.provider';
import { LogNotificationProvider } from './log-notification.provider';
import type { PatientContactResolver, ReminderText } from './patient-contact.port';
import { SmsNotificationProvider, type SmsGateway } from './sms-notification.provider';

const message: ReminderMessage = {
  notificationId: 'n-1',
  patientId: 'p-1',
  structureId: 's-1',
  siteId: 'site-1',
  practitionerId: 'pr-1',
  motifId: 'm-1',
  appointmentId: 'a-1',
  startsAt: new Date('2026-11-24T08:00:00Z'),
  rule: 'J-1',
};
const text: ReminderText = { render: async () => 'Rendez-vous le 24/11 à 09:00' };
const contacts = (phone: string | null, email: string | null): PatientContactResolver => ({
  contactOf: async () => ({ phone, email }),
});

describe('notification providers behind one interface', () => {
  it('SMS: asks the contact at send time and passes the notification id as idempotency key', async () => {
    const gateway: SmsGateway = { send: jest.fn(async () => ({ messageId: 'sms-9' })) };
    const receipt = await new SmsNotificationProvider(gateway, contacts('+33612345678', null), text).send(message);
    expect(receipt).toEqual({ providerMessageId: 'sms-9' });
    expect(gateway.send).toHaveBeenCalledWith('+33612345678', 'Rendez-vous le 24/11 à 09:00', 'n-1');
    await expect(new SmsNotificationProvider(gateway, contacts(null, 'a@b.fr'), text).send(message)).rejects.toThrow(
      /no phone number/,
    );
  });

  it('e-mail: the same, by address', async () => {
    const transport: MailTransport = { send: jest.fn(async () => ({ messageId: 'mail-3' })) };
    await expect(
      new EmailNotificationProvider(transport, contacts(null, 'a@b.fr'), text).send(message),
    ).resolves.toEqual({ providerMessageId: 'mail-3' });
    expect(transport.send).toHaveBeenCalledWith(expect.objectContaining({ to: 'a@b.fr', idempotencyKey: 'n-1' }));
  });

  it('log (the default): ids only', async () => {
    await expect(new LogNotificationProvider().send(message)).resolves.toEqual({ providerMessageId: 'log:n-1' });
  });
});

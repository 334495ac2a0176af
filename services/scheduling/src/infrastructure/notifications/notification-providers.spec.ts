import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PatientMessageComposer } from '../../application/notifications/patient-message.composer';
import { UndeliverableNotification, type ReminderMessage } from '../../application/ports/notification-provider';
import type { PatientContact, PatientDirectory } from '../../application/ports/patient-directory.port';
import { BrevoSmsGateway } from './brevo-sms.gateway';
import { EmailNotificationProvider, type MailTransport } from './email-notification.provider';
import { FirstReachableProvider } from './first-reachable.provider';
import { LogNotificationProvider } from './log-notification.provider';
import { notificationProviderOf } from './notification-provider.factory';
import { SmsNotificationProvider, type SmsGateway } from './sms-notification.provider';

const message: ReminderMessage = {
  notificationId: 'n-1',
  kind: 'appointment_reminder',
  patientId: 'p-1',
  structureId: 's-1',
  siteId: 'site-1',
  practitionerId: 'pr-1',
  motifId: 'm-1',
  appointmentId: 'a-1',
  startsAt: new Date('2026-11-24T08:00:00Z'),
  rule: 'J-1',
};
const composer = {
  compose: async () => ({ subject: 'Rappel', body: 'Rendez-vous le 24/11 à 09h00', sms: 'RDV 24/11 09h00' }),
} as unknown as PatientMessageComposer;
const contact = (over: Partial<PatientContact>): PatientContact => ({
  structureName: 'MSP des Lices',
  consentToReminders: true,
  phone: null,
  email: null,
  ...over,
});
const directory = (answer: PatientContact | null): PatientDirectory =>
  ({ patientContact: jest.fn(async () => answer) }) as unknown as PatientDirectory;

describe('notification providers behind one interface', () => {
  it('SMS: asks the contact at send time for a reminder and passes the notification id as idempotency key', async () => {
    const gateway: SmsGateway = { send: jest.fn(async () => ({ messageId: 'sms-9' })) };
    const contacts = directory(contact({ phone: '+33612345678' }));
    const receipt = await new SmsNotificationProvider(gateway, contacts, composer).send(message);
    expect(receipt).toEqual({ providerMessageId: 'sms-9', via: 'sms' });
    expect(contacts.patientContact).toHaveBeenCalledWith('s-1', 'p-1', 'reminder');
    expect(gateway.send).toHaveBeenCalledWith('+33612345678', 'RDV 24/11 09h00', 'n-1');
  });

  it('a patient without a number, without consent or no longer of the structure is undeliverable, not retried', async () => {
    const gateway: SmsGateway = { send: jest.fn() };
    const send = (answer: PatientContact | null) =>
      new SmsNotificationProvider(gateway, directory(answer), composer).send(message);
    await expect(send(contact({ email: 'a@b.fr' }))).rejects.toMatchObject({ scope: 'channel' });
    await expect(send(contact({ consentToReminders: false }))).rejects.toMatchObject({
      scope: 'patient',
      message: expect.stringMatching(/consent/),
    });
    await expect(send(null)).rejects.toBeInstanceOf(UndeliverableNotification);
    expect(gateway.send).not.toHaveBeenCalled();
  });

  it('a waitlist offer is asked for as such: the directory gives the contact without reminder consent', async () => {
    const transport: MailTransport = { send: jest.fn(async () => ({ messageId: 'mail-4' })) };
    const contacts = directory(contact({ consentToReminders: false, email: 'a@b.fr' }));
    await new EmailNotificationProvider(transport, contacts, composer).send({ ...message, kind: 'waitlist_offer' });
    expect(contacts.patientContact).toHaveBeenCalledWith('s-1', 'p-1', 'waitlist_offer');
    expect(transport.send).toHaveBeenCalledTimes(1);
  });

  it('e-mail: the same, by address, signed with the practice’s name', async () => {
    const transport: MailTransport = { send: jest.fn(async () => ({ messageId: 'mail-3' })) };
    await expect(
      new EmailNotificationProvider(transport, directory(contact({ email: 'a@b.fr' })), composer).send(message),
    ).resolves.toEqual({ providerMessageId: 'mail-3', via: 'email' });
    expect(transport.send).toHaveBeenCalledWith({
      to: 'a@b.fr',
      fromName: 'MSP des Lices',
      subject: 'Rappel',
      text: 'Rendez-vous le 24/11 à 09h00',
      idempotencyKey: 'n-1',
    });
  });

  it('channels in order of preference: the next one only when the patient cannot be reached by the first', async () => {
    const gateway: SmsGateway = { send: jest.fn(async () => ({ messageId: 'sms-1' })) };
    const transport: MailTransport = { send: jest.fn(async () => ({ messageId: 'mail-1' })) };
    const both = (answer: PatientContact) => {
      const contacts = directory(answer);
      return new FirstReachableProvider([
        new SmsNotificationProvider(gateway, contacts, composer),
        new EmailNotificationProvider(transport, contacts, composer),
      ]);
    };
    await expect(both(contact({ email: 'a@b.fr' })).send(message)).resolves.toMatchObject({ via: 'email' });
    await expect(both(contact({ phone: '+33612345678', email: 'a@b.fr' })).send(message)).resolves.toMatchObject({
      via: 'sms',
    });
    await expect(both(contact({ consentToReminders: false, email: 'a@b.fr' })).send(message)).rejects.toMatchObject({
      scope: 'patient',
    });
    expect(transport.send).toHaveBeenCalledTimes(1);
    expect(both(contact({})).name).toBe('sms,email');
  });

  it('the configuration chooses: log alone, one channel, or several in order of preference', () => {
    const smtp = { url: 'smtp://127.0.0.1:2525', from: 'rappels@msp.example', messageIdDomain: 'msp.example' };
    const brevo = { apiKey: 'k', sender: 'MSPLices', baseUrl: 'http://127.0.0.1:1/v3' };
    const of = (channels: Array<'log' | 'email' | 'sms'>) =>
      notificationProviderOf({ channels, smtp, brevo }, directory(null), composer);
    expect(of(['log'])).toBeInstanceOf(LogNotificationProvider);
    expect(of(['email'])).toBeInstanceOf(EmailNotificationProvider);
    expect(of(['sms'])).toBeInstanceOf(SmsNotificationProvider);
    const both = of(['sms', 'email']);
    expect(both).toBeInstanceOf(FirstReachableProvider);
    expect(both.name).toBe('sms,email');
    expect(() => notificationProviderOf({ channels: ['sms'], smtp, brevo: null }, directory(null), composer)).toThrow(
      /BREVO_API_KEY/,
    );
  });

  it('log (the default): ids only', async () => {
    await expect(new LogNotificationProvider().send(message)).resolves.toEqual({ providerMessageId: 'log:n-1' });
  });
});

describe("the Brevo SMS gateway, against a local server standing in for Brevo's API base URL", () => {
  let server: Server;
  let baseUrl: string;
  const requests: Array<{ method?: string; url?: string; apiKey: unknown; body: Record<string, unknown> }> = [];
  let answer: { status: number; body: unknown } = { status: 201, body: { messageId: 1511882900176220 } };

  beforeAll(async () => {
    server = createServer(async (req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      requests.push({
        method: req.method,
        url: req.url,
        apiKey: req.headers['api-key'],
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
      });
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => (requests.length = 0));

  it('sends one transactional SMS with the API key, the sender, the number without "+", and the notification id as tag', async () => {
    answer = { status: 201, body: { messageId: 1511882900176220 } };
    const gateway = new BrevoSmsGateway({ apiKey: 'xkeysib-test', sender: 'MSPLices', baseUrl });
    await expect(gateway.send('+33612345678', 'Rappel : lundi 30 mars à 09h00', 'n-7')).resolves.toEqual({
      messageId: '1511882900176220',
    });
    expect(requests).toEqual([
      {
        method: 'POST',
        url: '/v3/transactionalSMS/send',
        apiKey: 'xkeysib-test',
        body: {
          sender: 'MSPLices',
          recipient: '33612345678',
          content: 'Rappel : lundi 30 mars à 09h00',
          type: 'transactional',
          unicodeEnabled: true,
          tag: 'n-7',
        },
      },
    ]);
  });

  it('a refusal is thrown once (no retry of its own: the outbox retries), with the status and code but not the text', async () => {
    answer = { status: 400, body: { code: 'invalid_parameter', message: 'recipient +33612345678 is invalid' } };
    const gateway = new BrevoSmsGateway({ apiKey: 'k', sender: 'MSPLices', baseUrl });
    const failure = gateway.send('+33612345678', 'texte', 'n-8');
    await expect(failure).rejects.toThrow('Brevo refused the SMS (400: invalid_parameter)');
    await expect(failure).rejects.not.toThrow(/33612345678/);
    answer = { status: 503, body: {} };
    await expect(gateway.send('+33612345678', 'texte', 'n-9')).rejects.toThrow(/503/);
    expect(requests).toHaveLength(2);
  });
});

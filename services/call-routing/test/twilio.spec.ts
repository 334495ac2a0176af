import { randomBytes, randomUUID } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import { Clock } from '@msp/service-kit';
import { TestEventPublisher } from '@msp/testing';
import twilio from 'twilio';
import { CallRoutingTestApp, TWILIO_AUTH_TOKEN } from './fixtures/call-routing-test-app';
import { addLine, openPractice, phoneNumber, type Practice } from './fixtures/practice';

/** Tuesday 2 March 2027, 10:00 in Paris. */
const TUESDAY_10H = new Date('2027-03-02T09:00:00Z');
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false });

type TwiML = { Response: Record<string, unknown> };

describe('Twilio Programmable Voice, signed and answered with the official package', () => {
  let app: CallRoutingTestApp;
  let events: TestEventPublisher;
  let practice: Practice;
  const motifId = randomUUID();

  beforeAll(async () => {
    app = await CallRoutingTestApp.start('twilio');
    events = await TestEventPublisher.start('call-routing-spec-twilio');
    practice = await openPractice(app, events, { practitioners: 1 });
    jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(TUESDAY_10H));
    await app.ok(
      `mutation($input: SaveSiteCallSettingsInput!) { saveSiteCallSettings(input: $input) { siteId } }`,
      { input: { siteId: practice.siteId, bookingMotifId: motifId } },
      practice.admin,
    );
    app.scheduling.slots.push({
      practitionerId: practice.practitioners[0],
      siteId: practice.siteId,
      motifId,
      startsAt: '2027-03-03T08:00:00.000Z',
    });
  });

  afterAll(async () => {
    await events?.stop();
    await app?.stop();
  });

  /** Posts as Twilio does: form-encoded, signed over the public URL and the parameters. */
  async function twilioPost(route: string, params: Record<string, string>, token = TWILIO_AUTH_TOKEN) {
    const url = `${app.publicBaseUrl}/telephony/twilio/${route}`;
    const response = await fetch(`${app.publicUrl}/telephony/twilio/${route}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilio.getExpectedTwilioSignature(token, url, params),
      },
      body: new URLSearchParams(params).toString(),
    });
    const text = await response.text();
    return { status: response.status, text, twiml: response.status === 200 ? (parser.parse(text) as TwiML) : null };
  }

  function caller(options: { passThrough?: boolean } = {}) {
    const from = phoneNumber();
    const patientId = randomUUID();
    app.directory.callers.set(from, {
      kind: 'patient',
      patientId,
      medecinTraitantId: practice.practitioners[0],
      passThrough: options.passThrough ?? false,
      prefersHuman: false,
    });
    return {
      CallSid: `CA${randomBytes(16).toString('hex')}`,
      AccountSid: `AC${randomBytes(16).toString('hex')}`,
      From: from,
      To: practice.siteLine,
      patientId,
    };
  }

  it('answers the incoming call with French TwiML, gathers the menu, offers slots and confirms the booking', async () => {
    const { patientId, ...call } = caller();
    const incoming = await twilioPost('voice', { ...call, CallStatus: 'ringing', Direction: 'inbound' });
    expect(incoming.status).toBe(200);
    const [gather, askedAgain] = incoming.twiml?.Response.Gather as Array<Record<string, unknown>>;
    // The greeting names the practice and says to dial 15 before any menu; after two silent menus, a message.
    expect(incoming.twiml?.Response.Say).toEqual([
      expect.objectContaining({
        '#text': expect.stringMatching(/^Bonjour, ici MSP des Tilleuls\..*composez le 15\.$/),
      }),
      expect.objectContaining({ '#text': expect.stringContaining('Laissez-nous un message') }),
    ]);
    expect(askedAgain).toMatchObject({ action: `${app.publicBaseUrl}/telephony/twilio/intent` });
    expect(gather).toMatchObject({
      input: 'dtmf speech',
      language: 'fr-FR',
      method: 'POST',
      action: `${app.publicBaseUrl}/telephony/twilio/intent`,
    });
    expect(gather.Say).toMatchObject({
      language: 'fr-FR',
      '#text': expect.stringContaining('Pour prendre un rendez-vous, tapez 1.'),
    });

    const offered = await twilioPost('intent', { ...call, Digits: '1' });
    expect([offered.twiml?.Response.Gather].flat()[0]).toMatchObject({
      action: `${app.publicBaseUrl}/telephony/twilio/slot-choice`,
    });

    const confirmed = await twilioPost('slot-choice', { ...call, Digits: '1' });
    const says = [confirmed.twiml?.Response.Say].flat() as Array<{ '#text': string }>;
    expect(says.map((s) => s['#text']).join(' ')).toContain('confirmé pour mercredi 3 mars à 9 h');
    expect(confirmed.twiml?.Response).toHaveProperty('Hangup');
    expect(app.scheduling.live()).toContainEqual(expect.objectContaining({ patientId, status: 'confirmed' }));

    await twilioPost('status', { ...call, CallStatus: 'completed', CallDuration: '42' });
    const [row] = await app.sql(`select outcome, duration_seconds from call where provider_call_id = $1`, [
      call.CallSid,
    ]);
    expect(row).toEqual({ outcome: 'self_service_done', duration_seconds: 42 });
  });

  it('turns a transfer nobody answers into a recorded message', async () => {
    // The practitioner is free: the default rule puts a pass-through patient through to their desk.
    const desk = phoneNumber();
    await addLine(app, practice.admin, {
      siteId: practice.siteId,
      practitionerId: practice.practitioners[0],
      number: phoneNumber(),
      deskNumber: desk,
      label: 'Ligne directe',
    });
    const { patientId: _patientId, ...call } = caller({ passThrough: true });
    await twilioPost('voice', { ...call, CallStatus: 'ringing' });
    const transferred = await twilioPost('intent', { ...call, Digits: '6' });
    expect(transferred.twiml?.Response.Dial).toMatchObject({
      Number: desk,
      action: `${app.publicBaseUrl}/telephony/twilio/status`,
    });

    const unanswered = await twilioPost('status', { ...call, CallStatus: 'in-progress', DialCallStatus: 'no-answer' });
    expect(unanswered.twiml?.Response.Record).toMatchObject({
      action: `${app.publicBaseUrl}/telephony/twilio/message`,
    });
    await twilioPost('message', {
      ...call,
      RecordingDuration: '17',
      RecordingUrl: 'https://api.twilio.com/recording/RE1',
    });
    const [callRow] = await app.sql<{ id: string; outcome: string }>(
      `select id, outcome from call where provider_call_id = $1`,
      [call.CallSid],
    );
    expect(callRow.outcome).toBe('message_taken');
    expect(await app.events('call-routing.message.taken.v1')).toContainEqual(
      expect.objectContaining({ callId: callRow.id, recordingSeconds: 17 }),
    );
  });

  it('refuses a request signed with another token, or for another URL, and writes nothing', async () => {
    const { patientId: _patientId, ...call } = caller();
    const wrongToken = await twilioPost('voice', call, 'another-account-token-0123456789');
    expect(wrongToken.status).toBe(403);
    const url = `${app.publicBaseUrl}/telephony/twilio/intent`;
    const wrongUrl = await fetch(`${app.publicUrl}/telephony/twilio/voice`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilio.getExpectedTwilioSignature(TWILIO_AUTH_TOKEN, url, call),
      },
      body: new URLSearchParams(call).toString(),
    });
    expect(wrongUrl.status).toBe(403);
    expect(await app.sql(`select 1 from call where provider_call_id = $1`, [call.CallSid])).toEqual([]);
  });
});

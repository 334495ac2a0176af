import { randomBytes, randomUUID } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import twilio from 'twilio';
import { Clock } from '@msp/service-kit';
import { TestEventPublisher } from '@msp/testing';
import { CallRoutingTestApp, TWILIO_AUTH_TOKEN } from './fixtures/call-routing-test-app';
import { addLine, openPractice, phoneNumber, type Practice, knownPatientCalling } from './fixtures/practice';

/** Monday 1 March 2027, 10:00 in Paris: the practice is open. */
const MONDAY_10H = new Date('2027-03-01T09:00:00Z');

/** One TwiML element: its name, its attributes, its text and its children, in document order. */
interface Element {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: Element[];
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // A number to dial stays text: "+33…" would lose its plus as a number.
  parseTagValue: false,
});

type Parsed = Array<Record<string, unknown>>;
function elements(nodes: Parsed): Element[] {
  return nodes
    .filter((node) => !('#text' in node) && !('?xml' in node))
    .map((node) => {
      const name = Object.keys(node).find((key) => key !== ':@') as string;
      const children = node[name] as Parsed;
      return {
        name,
        attributes: (node[':@'] ?? {}) as Record<string, string>,
        text: children
          .filter((c) => '#text' in c)
          .map((c) => String(c['#text']))
          .join(''),
        children: elements(children),
      };
    });
}

/** The `<Response>`'s verbs, as Twilio would play them. */
function verbsOf(twiml: string): Element[] {
  const [response, ...others] = elements(parser.parse(twiml) as Parsed);
  expect([response?.name, others]).toEqual(['Response', []]);
  return response.children;
}

describe('the Twilio adapter, with requests signed as Twilio signs them', () => {
  let app: CallRoutingTestApp;
  let events: TestEventPublisher;
  let practice: Practice;
  let gpDesk: string;
  const motifId = randomUUID();

  beforeAll(async () => {
    app = await CallRoutingTestApp.start('twilio');
    events = await TestEventPublisher.start('call-routing-spec-twilio');
    practice = await openPractice(app, events);
    jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(MONDAY_10H));
    await app.ok(
      `mutation($input: SaveSiteCallSettingsInput!) { saveSiteCallSettings(input: $input) { siteId } }`,
      { input: { siteId: practice.siteId, bookingMotifId: motifId } },
      practice.admin,
    );
    const [gp] = practice.practitioners;
    gpDesk = phoneNumber();
    await addLine(app, practice.admin, {
      siteId: practice.siteId,
      practitionerId: gp,
      number: phoneNumber(),
      deskNumber: gpDesk,
      label: 'Dr Le Gall',
    });
    for (const hour of ['08', '09', '10'])
      app.scheduling.slots.push({
        practitionerId: gp,
        siteId: practice.siteId,
        motifId,
        startsAt: `2027-03-02T${hour}:00:00.000Z`,
      });
  });

  afterAll(async () => {
    await events?.stop();
    await app?.stop();
  });

  const route = (path: string) => `${app.publicBaseUrl}/telephony/twilio/${path}`;
  /** A form-encoded POST as Twilio makes it: every parameter signed with the account's auth token over the URL. */
  const post = async (url: string, params: Record<string, string>, signature?: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': signature ?? twilio.getExpectedTwilioSignature(TWILIO_AUTH_TOKEN, url, params),
      },
      body: new URLSearchParams(params).toString(),
    });
    return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
  };

  function callFrom(caller: { passThrough: boolean }) {
    const { from, patientId } = knownPatientCalling(app, practice.practitioners[0], caller);
    const callSid = `CA${randomBytes(16).toString('hex')}`;
    // Twilio sends these (and more) on every request of the call; all of them are covered by the signature.
    const base = {
      CallSid: callSid,
      AccountSid: `AC${randomBytes(16).toString('hex')}`,
      From: from,
      To: practice.siteLine,
      Direction: 'inbound',
      ApiVersion: '2010-04-01',
    };
    return { callSid, patientId, base };
  }
  const journaled = async (callSid: string) =>
    (
      await app.sql<{ provider: string; step: string; outcome: string | null; duration_seconds: number | null }>(
        `select provider, step, outcome, duration_seconds from call where provider_call_id = $1`,
        [callSid],
      )
    )[0];

  it('greets in French with the menu, books the slot pressed, confirms it and hangs up; the completed call is journaled', async () => {
    const call = callFrom({ passThrough: false });

    const greeting = await post(route('voice'), { ...call.base, CallStatus: 'ringing' });
    expect(greeting.status).toBe(200);
    expect(greeting.type).toMatch(/^text\/xml/);
    const [say, menu, askedAgain, ...noAnswer] = verbsOf(greeting.body);
    // The greeting names the practice and says to dial 15 before any menu.
    expect(say).toMatchObject({
      name: 'Say',
      attributes: { language: 'fr-FR' },
      text: expect.stringMatching(/^Bonjour, ici MSP des Tilleuls\..*composez le 15\.$/),
    });
    expect(menu).toMatchObject({
      name: 'Gather',
      attributes: { input: 'dtmf speech', action: route('intent'), method: 'POST', language: 'fr-FR' },
    });
    expect(menu.children[0]).toMatchObject({
      name: 'Say',
      text: expect.stringContaining('Pour prendre un rendez-vous, tapez 1.'),
    });
    // Asked once more, then a message: a caller who says nothing is not lost.
    expect(askedAgain).toMatchObject({ name: 'Gather', attributes: { action: route('intent') } });
    expect(noAnswer.map((v) => v.name)).toEqual(['Say', 'Record', 'Redirect']);

    const offered = await post(route('intent'), { ...call.base, CallStatus: 'in-progress', Digits: '1' });
    const slots = verbsOf(offered.body).find((v) => v.name === 'Gather');
    expect(slots?.attributes.action).toBe(route('slot-choice'));
    expect(slots?.children[0].text).toContain('mardi 2 mars à 9 h');

    const booked = verbsOf(
      (await post(route('slot-choice'), { ...call.base, CallStatus: 'in-progress', Digits: '1' })).body,
    );
    expect(booked.at(-1)?.name).toBe('Hangup');
    expect(booked.slice(0, -1)).toContainEqual(
      expect.objectContaining({
        name: 'Say',
        attributes: expect.objectContaining({ language: 'fr-FR' }),
        text: expect.stringContaining('confirmé pour mardi 2 mars à 9 h'),
      }),
    );
    expect(app.scheduling.live()).toContainEqual(
      expect.objectContaining({ patientId: call.patientId, startsAt: '2027-03-02T08:00:00.000Z', status: 'confirmed' }),
    );

    const closed = await post(route('status'), { ...call.base, CallStatus: 'completed', CallDuration: '42' });
    expect(closed.status).toBe(200);
    expect(verbsOf(closed.body)).toEqual([]);
    expect(await journaled(call.callSid)).toEqual({
      provider: 'twilio',
      step: 'ended',
      outcome: 'self_service_done',
      duration_seconds: 42,
    });
    expect((await app.events('call-routing.call.ended.v1')).filter((e) => e.durationSeconds === 42)).toHaveLength(1);
  });

  it('transfers a pass-through patient to the free practitioner, and takes a message when nobody answers', async () => {
    const call = callFrom({ passThrough: true });
    await post(route('voice'), { ...call.base, CallStatus: 'ringing' });

    const transfer = verbsOf((await post(route('intent'), { ...call.base, Digits: '6' })).body);
    const dial = transfer.at(-1);
    expect(dial).toMatchObject({ name: 'Dial', attributes: { action: route('status') } });
    expect(dial?.children).toEqual([expect.objectContaining({ name: 'Number', text: gpDesk })]);

    const unanswered = verbsOf(
      (await post(route('status'), { ...call.base, CallStatus: 'in-progress', DialCallStatus: 'no-answer' })).body,
    );
    const record = unanswered.find((v) => v.name === 'Record');
    expect(record?.attributes.action).toBe(route('message'));
    expect(unanswered.at(-1)).toMatchObject({ name: 'Redirect', text: route('message') });

    const thanked = verbsOf(
      (
        await post(route('message'), {
          ...call.base,
          RecordingUrl: 'https://api.twilio.com/2010-04-01/Accounts/AC0/Recordings/RE0',
          RecordingDuration: '17',
          Digits: 'hangup',
        })
      ).body,
    );
    expect(thanked.at(-1)?.name).toBe('Hangup');
    expect((await app.events('call-routing.message.taken.v1')).filter((e) => e.patientId === call.patientId)).toEqual([
      expect.objectContaining({ recordingSeconds: 17 }),
    ]);

    await post(route('status'), { ...call.base, CallStatus: 'completed', CallDuration: '95' });
    expect(await journaled(call.callSid)).toMatchObject({
      step: 'ended',
      outcome: 'message_taken',
      duration_seconds: 95,
    });
  });

  it('refuses a request whose signature does not match (another token, another URL, a changed parameter) with 403, and journals nothing', async () => {
    const call = callFrom({ passThrough: false });
    const params = { ...call.base, CallStatus: 'ringing' };
    const forged = [
      twilio.getExpectedTwilioSignature('another-account-auth-token-0123', route('voice'), params),
      twilio.getExpectedTwilioSignature(TWILIO_AUTH_TOKEN, route('intent'), params),
      twilio.getExpectedTwilioSignature(TWILIO_AUTH_TOKEN, route('voice'), { ...params, From: phoneNumber() }),
    ];
    for (const signature of forged) {
      const refused = await post(route('voice'), params, signature);
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.body)).toMatchObject({
        code: 'CALL_ROUTING.BAD_SIGNATURE',
        field: 'X-Twilio-Signature',
      });
    }
    const unsigned = await fetch(route('voice'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params).toString(),
    });
    expect(unsigned.status).toBe(403);
    expect(await journaled(call.callSid)).toBeUndefined();
  });

  it('refuses a malformed CallSid with 400 naming it, even correctly signed', async () => {
    const call = callFrom({ passThrough: false });
    const refused = await post(route('voice'), { ...call.base, CallSid: 'call-42', CallStatus: 'ringing' });
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body)).toMatchObject({ field: 'CallSid' });
  });
});

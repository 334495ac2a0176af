import twilio from 'twilio';
import { CallRoutingErrorCode } from '../../domain/call-routing-error';
import {
  isSignedByTwilio,
  readTwilioCallEvent,
  readTwilioForm,
  twilioPublicUrl,
  type TwilioParams,
} from './twilio-request';

const AUTH_TOKEN = '12345678901234567890123456789012';
const PUBLIC_BASE_URL = 'https://secretaire.msp-exemple.fr';
const PATH = '/telephony/twilio/calls/7d0c3c7e-3c1e-4c11-9a55-0a5b1a2b3c4d/intent?attempt=1';
const CALL_SID = 'CA0123456789abcdef0123456789abcdef';

/** What Twilio posts when the caller answered a `<Gather>` by voice. */
const GATHER_ANSWER = {
  AccountSid: 'AC0123456789abcdef0123456789abcdef',
  ApiVersion: '2010-04-01',
  CallSid: CALL_SID,
  CallStatus: 'in-progress',
  Direction: 'inbound',
  From: '+33612345678',
  To: '+33140000000',
  Digits: '',
  SpeechResult: 'Je voudrais prendre rendez-vous avec le docteur Martin',
  Confidence: '0.9123',
};

describe('Twilio webhook signature, checked with the official twilio package', () => {
  const url = twilioPublicUrl(PUBLIC_BASE_URL, PATH);
  const signed = (token = AUTH_TOKEN, signedUrl = url, params: TwilioParams = GATHER_ANSWER) =>
    twilio.getExpectedTwilioSignature(token, signedUrl, params);

  it('accepts a request signed by Twilio for the public URL it called', () => {
    expect(url).toBe(`${PUBLIC_BASE_URL}${PATH}`);
    expect(isSignedByTwilio({ authToken: AUTH_TOKEN, signature: signed(), url, params: GATHER_ANSWER })).toBe(true);
  });

  it('accepts the form exactly as it travelled, read from the raw body', () => {
    const rawBody = new URLSearchParams(GATHER_ANSWER).toString();
    const params = readTwilioForm(rawBody);
    expect(isSignedByTwilio({ authToken: AUTH_TOKEN, signature: signed(), url, params })).toBe(true);
  });

  it('refuses a request whose parameters were changed after signing', () => {
    const forged = { ...GATHER_ANSWER, From: '+33699999999' };
    expect(isSignedByTwilio({ authToken: AUTH_TOKEN, signature: signed(), url, params: forged })).toBe(false);
    const added = { ...GATHER_ANSWER, Digits: '1' };
    expect(isSignedByTwilio({ authToken: AUTH_TOKEN, signature: signed(), url, params: added })).toBe(false);
  });

  it('refuses a signature made for another URL: another call, another route, or the address behind the proxy', () => {
    const otherCall = twilioPublicUrl(PUBLIC_BASE_URL, PATH.replace('7d0c3c7e', '00000000'));
    const otherRoute = twilioPublicUrl(PUBLIC_BASE_URL, PATH.replace('/intent', '/message'));
    const internal = twilioPublicUrl('http://call-routing:3000', PATH);
    for (const signedUrl of [otherCall, otherRoute, internal])
      expect(
        isSignedByTwilio({
          authToken: AUTH_TOKEN,
          signature: signed(AUTH_TOKEN, signedUrl),
          url,
          params: GATHER_ANSWER,
        }),
      ).toBe(false);
  });

  it('refuses a signature made with another auth token', () => {
    const signature = signed('ffffffffffffffffffffffffffffffff');
    expect(isSignedByTwilio({ authToken: AUTH_TOKEN, signature, url, params: GATHER_ANSWER })).toBe(false);
  });

  it('refuses a missing or repeated signature header, and an unusable URL, without throwing', () => {
    for (const signature of [undefined, '', [signed(), signed()]])
      expect(isSignedByTwilio({ authToken: AUTH_TOKEN, signature, url, params: GATHER_ANSWER })).toBe(false);
    expect(isSignedByTwilio({ authToken: AUTH_TOKEN, signature: signed(), url: PATH, params: GATHER_ANSWER })).toBe(
      false,
    );
  });

  it('joins the public base and the original path with exactly one slash', () => {
    expect(twilioPublicUrl('https://x.fr/api/', '/telephony/twilio?a=1')).toBe('https://x.fr/api/telephony/twilio?a=1');
    expect(twilioPublicUrl('https://x.fr', 'telephony')).toBe('https://x.fr/telephony');
  });
});

describe('a Twilio voice webhook read as a neutral call event', () => {
  it("reads a gather's spoken answer", () => {
    expect(readTwilioCallEvent(GATHER_ANSWER)).toEqual({
      providerCallId: CALL_SID,
      from: '+33612345678',
      to: '+33140000000',
      speech: 'Je voudrais prendre rendez-vous avec le docteur Martin',
      speechConfidence: 0.9123,
      status: 'in-progress',
    });
  });

  it('reads keys pressed, a recorded message, the end of a transfer and the final status', () => {
    const base = { CallSid: CALL_SID, From: '+33612345678', To: '+33140000000' };
    expect(readTwilioCallEvent({ ...base, Digits: '2#' }).digits).toBe('2#');
    expect(
      readTwilioCallEvent({
        ...base,
        RecordingUrl: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1',
        RecordingDuration: '17',
        Digits: 'hangup',
      }),
    ).toEqual({
      providerCallId: CALL_SID,
      from: '+33612345678',
      to: '+33140000000',
      recordingUrl: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1',
      recordingDurationSeconds: 17,
    });
    expect(readTwilioCallEvent({ ...base, DialCallStatus: 'no-answer' }).dialStatus).toBe('no-answer');
    expect(readTwilioCallEvent({ ...base, QueueResult: 'bridged' }).queueResult).toBe('bridged');
    expect(readTwilioCallEvent({ ...base, CallStatus: 'completed', CallDuration: '94' })).toMatchObject({
      status: 'completed',
      durationSeconds: 94,
    });
  });

  it('keeps a withheld number as Twilio gives it, for the directory to find nobody', () => {
    expect(readTwilioCallEvent({ CallSid: CALL_SID, From: 'Anonymous', To: '+33140000000' }).from).toBe('Anonymous');
  });

  const refusal = (params: TwilioParams) => {
    try {
      readTwilioCallEvent(params);
    } catch (error) {
      return error;
    }
    throw new Error('expected a refusal');
  };

  it('refuses a webhook without CallSid, From or To, naming the parameter', () => {
    const complete = { CallSid: CALL_SID, From: '+33612345678', To: '+33140000000' };
    for (const name of ['CallSid', 'From', 'To'] as const) {
      const { [name]: _missing, ...rest } = complete;
      expect(refusal(rest)).toMatchObject({
        code: CallRoutingErrorCode.InvalidInput,
        field: name,
        message: `${name}: is required in a Twilio voice webhook`,
      });
      expect(refusal({ ...complete, [name]: '' })).toMatchObject({ field: name });
    }
  });

  it('refuses a malformed parameter, naming it and saying what was expected', () => {
    const base = { CallSid: CALL_SID, From: '+33612345678', To: '+33140000000' };
    const cases: Array<[TwilioParams, string, RegExp]> = [
      [{ ...base, CallSid: 'CA123' }, 'CallSid', /CA followed by 32 hex digits/],
      [{ ...base, Digits: '1; DROP TABLE' }, 'Digits', /keypad keys/],
      [{ ...base, Confidence: '1.5' }, 'Confidence', /from 0 to 1/],
      [{ ...base, CallStatus: 'exploded' }, 'CallStatus', /one of queued, ringing/],
      [{ ...base, CallDuration: '-3' }, 'CallDuration', /whole number of seconds/],
      [{ ...base, RecordingUrl: 'http://evil.example/r' }, 'RecordingUrl', /https URL/],
      [{ ...base, DialCallStatus: 'maybe' }, 'DialCallStatus', /one of completed, answered/],
      [{ ...base, From: ['+33612345678', '+33699999999'] }, 'From', /given once/],
      [{ ...base, SpeechResult: 'bonjour\u0000' }, 'SpeechResult', /NUL/],
    ];
    for (const [params, field, reason] of cases) {
      const error = refusal(params) as { field: string; message: string };
      expect([field, error.field]).toEqual([field, field]);
      expect(error.message).toMatch(reason);
    }
  });
});

import twilio from 'twilio';
import { textProblem } from '@msp/errors';
import { CallRoutingError } from '../../domain/call-routing-error';

/**
 * Twilio Programmable Voice webhooks (form-encoded POSTs: the call's start, a `<Gather>`'s answer, a `<Record>`'s
 * message, a `<Dial>` or `<Enqueue>` ending, the status callback) read as one provider-neutral call event.
 */

/** The parameters exactly as Twilio posted them: every one is signed, including those we do not read. */
export type TwilioParams = Readonly<Record<string, string | readonly string[]>>;

/** Twilio's `CallStatus` values (https://www.twilio.com/docs/voice/twiml#callstatus-values). */
export const TWILIO_CALL_STATUSES = [
  'queued',
  'ringing',
  'in-progress',
  'completed',
  'busy',
  'failed',
  'no-answer',
  'canceled',
] as const;
export type TwilioCallStatus = (typeof TWILIO_CALL_STATUSES)[number];

/** `DialCallStatus`, posted to a `<Dial action>`: whether the transfer reached someone. */
export const TWILIO_DIAL_STATUSES = ['completed', 'answered', 'busy', 'no-answer', 'failed', 'canceled'] as const;
export type TwilioDialStatus = (typeof TWILIO_DIAL_STATUSES)[number];

/** `QueueResult`, posted to an `<Enqueue action>`: `bridged` means a person answered. */
export const TWILIO_QUEUE_RESULTS = [
  'bridged',
  'bridging-in-process',
  'error',
  'hangup',
  'leave',
  'redirected',
  'redirected-from-bridged',
  'queue-full',
  'system-error',
] as const;
export type TwilioQueueResult = (typeof TWILIO_QUEUE_RESULTS)[number];

export interface TwilioCallEvent {
  /** `CallSid` (`CA` + 32 hex digits): the provider's call id, kept beside ours in the journal. */
  providerCallId: string;
  /**
   * The caller as Twilio gives it: E.164 for a phone, or Twilio's stand-ins for a withheld number (`Anonymous`,
   * `+266696687`…), which the directory simply does not know.
   */
  from: string;
  /** The line called (E.164). */
  to: string;
  /** Keys pressed in a `<Gather>` (`0-9`, `*`, `#`). Twilio's `Digits=hangup` after a `<Record>` is not a key: omitted. */
  digits?: string;
  /** What the caller said in a `<Gather input="speech">`, as Twilio transcribed it. */
  speech?: string;
  /** Twilio's confidence in `speech`, 0 to 1. */
  speechConfidence?: number;
  status?: TwilioCallStatus;
  /** `CallDuration`, on the final status callback. */
  durationSeconds?: number;
  /** The message left in a `<Record>`; absent when the caller recorded nothing. */
  recordingUrl?: string;
  recordingDurationSeconds?: number;
  dialStatus?: TwilioDialStatus;
  queueResult?: TwilioQueueResult;
}

const CALL_SID = /^CA[0-9a-f]{32}$/;
const DIGITS = /^[0-9*#]{1,32}$/;
const WHOLE_SECONDS = /^\d{1,7}$/;
const CONFIDENCE = /^(0(\.\d+)?|1(\.0+)?)$/;

/**
 * The form body as Twilio signed it: a repeated key keeps all its values. Read the raw body with this rather than with a
 * nested (`extended`) form parser, which would turn `a[b]=c` into objects the signature was not computed over.
 */
export function readTwilioForm(rawBody: string): TwilioParams {
  const params: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(rawBody)) {
    const seen = params[key];
    params[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return params;
}

/**
 * The URL Twilio called, which it signed: the public base (`PUBLIC_BASE_URL`, what the number is configured with) and
 * the original path and query, not the address the service sees behind the proxy.
 */
export function twilioPublicUrl(publicBaseUrl: string, originalUrl: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/${originalUrl.replace(/^\/+/, '')}`;
}

/** `X-Twilio-Signature` checked by the official helper (HMAC-SHA1 of the URL and the sorted parameters). */
export function isSignedByTwilio(input: {
  authToken: string;
  signature: string | readonly string[] | undefined;
  url: string;
  params: TwilioParams;
}): boolean {
  if (typeof input.signature !== 'string' || input.signature === '') return false;
  if (!URL.canParse(input.url)) return false;
  return twilio.validateRequest(input.authToken, input.signature, input.url, input.params);
}

/** The call event a Twilio webhook carries; a missing or malformed parameter is refused, naming it. */
export function readTwilioCallEvent(params: TwilioParams): TwilioCallEvent {
  const providerCallId = required(params, 'CallSid');
  if (!CALL_SID.test(providerCallId))
    throw CallRoutingError.invalid('CallSid', 'must be a Twilio call id (CA followed by 32 hex digits)');
  const event: TwilioCallEvent = { providerCallId, from: required(params, 'From'), to: required(params, 'To') };

  const digits = optional(params, 'Digits');
  if (digits !== undefined && digits !== 'hangup') {
    if (!DIGITS.test(digits)) throw CallRoutingError.invalid('Digits', 'must be keypad keys (0-9, * and #)');
    event.digits = digits;
  }
  const speech = optional(params, 'SpeechResult');
  if (speech !== undefined) event.speech = speech;
  const confidence = optional(params, 'Confidence');
  if (confidence !== undefined) {
    if (!CONFIDENCE.test(confidence)) throw CallRoutingError.invalid('Confidence', 'must be a number from 0 to 1');
    event.speechConfidence = Number(confidence);
  }
  const status = oneOf(params, 'CallStatus', TWILIO_CALL_STATUSES);
  if (status !== undefined) event.status = status;
  const duration = seconds(params, 'CallDuration');
  if (duration !== undefined) event.durationSeconds = duration;
  const recordingUrl = optional(params, 'RecordingUrl');
  if (recordingUrl !== undefined) {
    if (!isHttpsUrl(recordingUrl)) throw CallRoutingError.invalid('RecordingUrl', 'must be an https URL');
    event.recordingUrl = recordingUrl;
  }
  const recordingDuration = seconds(params, 'RecordingDuration');
  if (recordingDuration !== undefined) event.recordingDurationSeconds = recordingDuration;
  const dialStatus = oneOf(params, 'DialCallStatus', TWILIO_DIAL_STATUSES);
  if (dialStatus !== undefined) event.dialStatus = dialStatus;
  const queueResult = oneOf(params, 'QueueResult', TWILIO_QUEUE_RESULTS);
  if (queueResult !== undefined) event.queueResult = queueResult;
  return event;
}

/** A parameter's single value as text we can store; an empty value counts as absent (Twilio sends `Digits=`). */
function optional(params: TwilioParams, name: string): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw CallRoutingError.invalid(name, 'must be given once');
  const problem = textProblem(value);
  if (problem) throw CallRoutingError.invalid(name, problem);
  return value === '' ? undefined : value;
}

function required(params: TwilioParams, name: string): string {
  const value = optional(params, name);
  if (value === undefined) throw CallRoutingError.invalid(name, 'is required in a Twilio voice webhook');
  return value;
}

function oneOf<T extends string>(params: TwilioParams, name: string, allowed: readonly T[]): T | undefined {
  const value = optional(params, name);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw CallRoutingError.invalid(name, `must be one of ${allowed.join(', ')}`);
  return value as T;
}

function seconds(params: TwilioParams, name: string): number | undefined {
  const value = optional(params, name);
  if (value === undefined) return undefined;
  if (!WHOLE_SECONDS.test(value)) throw CallRoutingError.invalid(name, 'must be a whole number of seconds');
  return Number(value);
}

function isHttpsUrl(value: string): boolean {
  return URL.canParse(value) && new URL(value).protocol === 'https:';
}

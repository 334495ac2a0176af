import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { CallRoutingError, CallRoutingErrorCode } from '../../domain/call-routing-error';

/**
 * Authentication of the provider-neutral webhook, Stripe-like:
 * `X-Msp-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body bytes>">`.
 *
 * The timestamp is inside the signed bytes, so an old request cannot be re-dated; the verifier refuses timestamps
 * outside the tolerance, and the `ReplayGuard` port (application/ports) remembers the requests it accepted until they would be stale anyway. During
 * a secret rotation the platform may send one `v1=` per secret it knows, and we accept the current and previous secret.
 */
export const WEBHOOK_SIGNATURE_HEADER = 'X-Msp-Signature';
export const DEFAULT_TOLERANCE_SECONDS = 300;

// Bounds on what we parse before any HMAC is computed: a header is a handful of signatures, not a payload.
const MAX_HEADER_LENGTH = 1_000;
const MAX_SIGNATURES = 4;
const TIMESTAMP = /^\d{1,12}$/;
const HEX_SHA256 = /^[0-9a-f]{64}$/;

export type WebhookRefusal = 'missing_header' | 'malformed' | 'stale_timestamp' | 'bad_signature';

export type WebhookVerification =
  | {
      ok: true;
      timestamp: number;
      /**
       * What the `ReplayGuard` port must remember: a digest of the signed bytes (`<t>.<body>`), not one of the `v1=` values, so
       * that resending the same request with only some of its signatures (one per secret during a rotation) is still
       * the same request.
       */
      replayKey: string;
      /** Past this instant the timestamp check refuses the request by itself: the guard may forget it then. */
      replayExpiresAt: Date;
    }
  | { ok: false; reason: WebhookRefusal };

export interface VerifyWebhookInput {
  /** The header as Node gives it: absent, once, or repeated (repeated is malformed). */
  header: string | readonly string[] | undefined;
  /** The body exactly as received, before any JSON parsing. */
  rawBody: Buffer | string;
  /** The secrets accepted now: the current one first, then the previous one during a rotation. */
  secrets: readonly string[];
  nowSeconds: number;
  toleranceSeconds?: number;
}

/**
 * Remembers signed requests already accepted, so that the same request sent again is refused. The storage is the
 * service's (a PostgreSQL table keyed by `replayKey`, rows deleted after `expiresAt`); the verifier stays stateless.
 */

/** Why a request was refused, in English like every DomainError message; the field is the header. */
const REFUSALS: Record<WebhookRefusal, string> = {
  missing_header: 'the request is not signed',
  malformed: 'the signature header must read t=<unix seconds>,v1=<hex HMAC-SHA256>',
  stale_timestamp: 'the signature timestamp is too far from now (replayed or delayed request)',
  bad_signature: 'the signature does not match the body',
};

export function webhookRefusalError(reason: WebhookRefusal | 'replayed'): CallRoutingError {
  const message = reason === 'replayed' ? 'this signed request was already received' : REFUSALS[reason];
  return new CallRoutingError(
    CallRoutingErrorCode.BadSignature,
    `${WEBHOOK_SIGNATURE_HEADER}: ${message}`,
    WEBHOOK_SIGNATURE_HEADER,
  );
}

/**
 * The header value for a body sent at `nowSeconds`: one `v1=` per secret given (several only to imitate a sender in the
 * middle of a rotation). For tests, the bench and the provider's documentation.
 */
export function signWebhook(secret: string | readonly string[], rawBody: Buffer | string, nowSeconds: number): string {
  const secrets = typeof secret === 'string' ? [secret] : secret;
  requireSecrets(secrets);
  const timestamp = Math.floor(nowSeconds);
  const signatures = secrets.map((s) => `v1=${hmac(s, timestamp, rawBody).toString('hex')}`);
  return [`t=${timestamp}`, ...signatures].join(',');
}

export function verifyWebhook({
  header,
  rawBody,
  secrets,
  nowSeconds,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
}: VerifyWebhookInput): WebhookVerification {
  requireSecrets(secrets);
  const value = typeof header === 'string' || header === undefined || header.length > 1 ? header : header[0];
  if (value === undefined || value === '') return { ok: false, reason: 'missing_header' };
  if (typeof value !== 'string') return { ok: false, reason: 'malformed' };
  const parsed = parseHeader(value);
  if (!parsed) return { ok: false, reason: 'malformed' };
  if (Math.abs(nowSeconds - parsed.timestamp) > toleranceSeconds) return { ok: false, reason: 'stale_timestamp' };

  // Every expected HMAC is compared with every offered one, so the time taken does not tell which secret matched.
  let matched = false;
  for (const secret of secrets) {
    const expected = hmac(secret, parsed.timestamp, rawBody);
    for (const offered of parsed.signatures) matched = timingSafeEqual(expected, offered) || matched;
  }
  if (!matched) return { ok: false, reason: 'bad_signature' };
  return {
    ok: true,
    timestamp: parsed.timestamp,
    replayKey: createHash('sha256').update(signedBytes(parsed.timestamp, rawBody)).digest('hex'),
    replayExpiresAt: new Date((parsed.timestamp + toleranceSeconds) * 1000),
  };
}

function parseHeader(header: string): { timestamp: number; signatures: Buffer[] } | undefined {
  if (header.length > MAX_HEADER_LENGTH) return undefined;
  const timestamps: string[] = [];
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    if (separator < 0) return undefined;
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === 't') timestamps.push(value);
    else if (key === 'v1') {
      if (!HEX_SHA256.test(value)) return undefined;
      signatures.push(Buffer.from(value, 'hex'));
    }
    // Other schemes (a future v2=) are ignored, as a sender may add them before we read them.
  }
  if (timestamps.length !== 1 || !TIMESTAMP.test(timestamps[0])) return undefined;
  if (signatures.length === 0 || signatures.length > MAX_SIGNATURES) return undefined;
  return { timestamp: Number(timestamps[0]), signatures };
}

function hmac(secret: string, timestamp: number, rawBody: Buffer | string): Buffer {
  return createHmac('sha256', secret).update(signedBytes(timestamp, rawBody)).digest();
}

function signedBytes(timestamp: number, rawBody: Buffer | string): Buffer {
  return Buffer.concat([Buffer.from(`${timestamp}.`), typeof rawBody === 'string' ? Buffer.from(rawBody) : rawBody]);
}

// A missing secret is a deployment mistake, not a bad request: an empty HMAC key would accept anyone who guesses it.
function requireSecrets(secrets: readonly string[]): void {
  if (secrets.length === 0 || secrets.some((secret) => secret.length === 0))
    throw new Error('Webhook signing needs at least one non-empty secret');
}

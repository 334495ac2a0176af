import type { KeyObject } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify, SignJWT } from 'jose';
import { importPrivateKey, importPublicKey, SIGNING_ALGORITHM } from '@msp/auth';

/** Long enough for one call and a little clock skew, too short to be worth stealing. */
export const SERVICE_TOKEN_LIFETIME_SECONDS = 30;
const CLOCK_TOLERANCE_SECONDS = 5;

/** One internal call: who calls whom, with which method on which path (query string included). */
export interface ServiceCall {
  caller: string;
  target: string;
  method: string;
  /** Path and query as sent, e.g. `/internal/members?email=a%40b.fr`. */
  path: string;
}

/** The public keys of the services allowed to sign calls, by service name (SERVICE_PUBLIC_KEYS). */
export type CallerKeys = ReadonlyMap<string, KeyObject>;

/**
 * Reads SERVICE_PUBLIC_KEYS: `name=key` pairs separated by commas, each key an Ed25519 public key (base64url SPKI DER).
 * Throws naming the first malformed entry.
 */
export function parseCallerKeys(text: string): CallerKeys {
  const keys = new Map<string, KeyObject>();
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const [index, entry] of entries.entries()) {
    const at = entry.indexOf('=');
    const name = entry.slice(0, at).trim();
    // Names the entry by position: its text may be key material pasted in the wrong place.
    if (at < 1 || !/^[a-z][a-z0-9-]*$/.test(name))
      throw new Error(`SERVICE_PUBLIC_KEYS: entry ${index + 1} is not name=key`);
    keys.set(name, importPublicKey(entry.slice(at + 1), `SERVICE_PUBLIC_KEYS (${name})`));
  }
  return keys;
}

/**
 * A short-lived token saying "I am `caller`, calling `method path` of `target`", signed with the caller's own private
 * key (SERVICE_PRIVATE_KEY): a service can speak only for itself, and a token is good for one route only.
 */
export function signServiceToken(call: ServiceCall, privateKey: string | KeyObject): Promise<string> {
  return new SignJWT({ htm: call.method.toUpperCase(), htu: call.path })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: call.caller })
    .setIssuer(call.caller)
    .setAudience(call.target)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + SERVICE_TOKEN_LIFETIME_SECONDS)
    .sign(importPrivateKey(privateKey, 'SERVICE_PRIVATE_KEY'));
}

/**
 * Returns the calling service's name, or throws when the token is missing, signed by a key that is not the named
 * caller's, expired, meant for another service, or made for another method or path.
 */
export async function verifyServiceToken(
  token: string,
  expected: { self: string; method: string; path: string },
  callerKeys: CallerKeys,
): Promise<string> {
  const caller = decodeProtectedHeader(token).kid;
  const key = typeof caller === 'string' ? callerKeys.get(caller) : undefined;
  if (!caller || !key) throw new Error('unknown calling service');
  const { payload } = await jwtVerify(token, key, {
    issuer: caller,
    audience: expected.self,
    algorithms: [SIGNING_ALGORITHM],
    requiredClaims: ['exp', 'iat'],
    maxTokenAge: SERVICE_TOKEN_LIFETIME_SECONDS + CLOCK_TOLERANCE_SECONDS,
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
  });
  if (payload.htm !== expected.method.toUpperCase() || payload.htu !== expected.path)
    throw new Error('token made for another route');
  return caller;
}

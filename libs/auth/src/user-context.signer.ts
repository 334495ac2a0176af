import type { KeyObject } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { AuthenticationError } from './auth.errors';
import { isRole } from './roles';
import { importPrivateKey, importPublicKey, SIGNING_ALGORITHM } from './signing-keys';
import type { Membership, UserContext } from './user-context';

/** Header the gateway puts the verified caller in; subgraphs trust nothing else. */
export const USER_CONTEXT_HEADER = 'x-msp-user-context';
const ISSUER = 'msp-gateway';
/** A captured header is worthless within a minute at most; the gateway signs a fresh one for each subgraph call. */
export const MAX_USER_CONTEXT_LIFETIME_SECONDS = 60;
const CLOCK_TOLERANCE_SECONDS = 5;

/**
 * Signs the caller for one hop gateway → `audience` (the subgraph's name) with the gateway's private key
 * (USER_CONTEXT_PRIVATE_KEY), which no subgraph holds: a subgraph can verify a context, never mint one, and a context
 * meant for one subgraph is refused by every other.
 */
export function signUserContext(
  user: UserContext,
  privateKey: string | KeyObject,
  audience: string,
  lifetimeSeconds = 30,
): Promise<string> {
  if (lifetimeSeconds > MAX_USER_CONTEXT_LIFETIME_SECONDS)
    throw new Error(`a user context lives at most ${MAX_USER_CONTEXT_LIFETIME_SECONDS} s`);
  return new SignJWT({ memberships: user.memberships })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM })
    .setSubject(user.memberId)
    .setIssuer(ISSUER)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + lifetimeSeconds)
    .sign(importPrivateKey(privateKey, 'USER_CONTEXT_PRIVATE_KEY'));
}

/** The caller, when `token` was signed by the gateway's key for `audience` (this subgraph) and is still fresh. */
export async function verifyUserContext(
  token: string | undefined,
  publicKey: string | KeyObject,
  audience: string,
): Promise<UserContext> {
  if (!token) throw new AuthenticationError('MISSING_TOKEN');
  try {
    const { payload } = await jwtVerify(token, importPublicKey(publicKey, 'USER_CONTEXT_PUBLIC_KEY'), {
      issuer: ISSUER,
      audience,
      algorithms: [SIGNING_ALGORITHM],
      requiredClaims: ['exp', 'iat', 'sub'],
      maxTokenAge: MAX_USER_CONTEXT_LIFETIME_SECONDS + CLOCK_TOLERANCE_SECONDS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    const memberships = payload.memberships;
    if (!payload.sub || !Array.isArray(memberships) || !memberships.every(isMembership))
      throw new AuthenticationError('MALFORMED_TOKEN');
    return { memberId: payload.sub, memberships };
  } catch (error) {
    throw refusalOf(error);
  }
}

function refusalOf(error: unknown): AuthenticationError {
  if (error instanceof AuthenticationError) return error;
  if (error instanceof errors.JWTExpired) return new AuthenticationError('EXPIRED_TOKEN');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return new AuthenticationError('WRONG_AUDIENCE');
    if (error.claim === 'iss') return new AuthenticationError('WRONG_ISSUER');
    if (error.claim === 'iat') return new AuthenticationError('EXPIRED_TOKEN'); // older than the longest lifetime
    return new AuthenticationError('MALFORMED_TOKEN');
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid)
    return new AuthenticationError('MALFORMED_TOKEN');
  // Another key, another algorithm (HS256 made with a shared secret, "none"): not the gateway's signature.
  return new AuthenticationError('INVALID_SIGNATURE');
}

function isMembership(value: unknown): value is Membership {
  const m = value as Membership;
  return (
    typeof m?.structureId === 'string' &&
    Array.isArray(m.roles) &&
    m.roles.every(isRole) &&
    Array.isArray(m.siteIds) &&
    m.siteIds.every((s) => typeof s === 'string')
  );
}

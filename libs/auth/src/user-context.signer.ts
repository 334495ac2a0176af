import { jwtVerify, SignJWT } from 'jose';
import { AuthenticationError } from './auth.errors';
import { isRole } from './roles';
import type { Membership, UserContext } from './user-context';

/** Header the gateway puts the verified caller in; subgraphs trust nothing else. */
export const USER_CONTEXT_HEADER = 'x-msp-user-context';
const ISSUER = 'msp-gateway';
const AUDIENCE = 'msp-subgraphs';

function key(secret: string): Uint8Array {
  if (secret.length < 32) throw new Error('USER_CONTEXT_SECRET must be at least 32 characters');
  return new TextEncoder().encode(secret);
}

/** Signs the caller for one hop gateway → subgraph; short-lived so a captured header is soon worthless. */
export function signUserContext(user: UserContext, secret: string, lifetimeSeconds = 60): Promise<string> {
  return new SignJWT({ memberships: user.memberships })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.memberId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${lifetimeSeconds}s`)
    .sign(key(secret));
}

export async function verifyUserContext(token: string | undefined, secret: string): Promise<UserContext> {
  if (!token) throw new AuthenticationError('MISSING_TOKEN');
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    });
    const memberships = payload.memberships;
    if (!payload.sub || !Array.isArray(memberships) || !memberships.every(isMembership))
      throw new AuthenticationError('MALFORMED_TOKEN');
    return { memberId: payload.sub, memberships };
  } catch (error) {
    if (error instanceof AuthenticationError) throw error;
    throw new AuthenticationError((error as Error).name === 'JWTExpired' ? 'EXPIRED_TOKEN' : 'INVALID_SIGNATURE');
  }
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

import { jwtVerify, SignJWT } from 'jose';

const ALGORITHM = 'HS256';
const LIFETIME_SECONDS = 60;

function key(secret: string): Uint8Array {
  if (secret.length < 32) throw new Error('INTERNAL_SERVICE_SECRET must be at least 32 characters');
  return new TextEncoder().encode(secret);
}

/** A short-lived token saying "I am `caller`, calling `target`", signed with the platform's shared service secret. */
export function signServiceToken(caller: string, target: string, secret: string): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: ALGORITHM })
    .setIssuer(caller)
    .setAudience(target)
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(key(secret));
}

/** Returns the calling service's name, or throws when the token is missing, forged, expired or meant for another service. */
export async function verifyServiceToken(token: string, self: string, secret: string): Promise<string> {
  const { payload } = await jwtVerify(token, key(secret), {
    audience: self,
    algorithms: [ALGORITHM],
    clockTolerance: 5,
  });
  if (!payload.iss) throw new Error('token has no issuer');
  return payload.iss;
}

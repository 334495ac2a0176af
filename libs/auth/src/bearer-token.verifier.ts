import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { AuthenticationError } from './auth.errors';

export interface BearerTokenVerifierOptions {
  issuer: string;
  audience: string;
  jwksUri: string;
}

export interface VerifiedToken {
  subject: string;
  email?: string;
}

/** Verifies OpenID Connect access tokens against the issuer's published keys (fetched once, refreshed on rotation). */
export class BearerTokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly options: BearerTokenVerifierOptions) {
    this.keys = createRemoteJWKSet(new URL(options.jwksUri), { cooldownDuration: 30_000, timeoutDuration: 3_000 });
  }

  async verify(authorization: string | undefined): Promise<VerifiedToken> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw new AuthenticationError('MISSING_TOKEN');
    try {
      const { payload } = await jwtVerify(match[1], this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
      });
      if (!payload.sub) throw new AuthenticationError('MALFORMED_TOKEN');
      return { subject: payload.sub, email: typeof payload.email === 'string' ? payload.email : undefined };
    } catch (error) {
      throw toAuthenticationError(error);
    }
  }
}

/** Token faults become AuthenticationError; an issuer that cannot be reached is not the caller's fault and is rethrown. */
function toAuthenticationError(error: unknown): Error {
  if (error instanceof AuthenticationError) return error;
  if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) return error as Error;
  if (error instanceof errors.JWTExpired) return new AuthenticationError('EXPIRED_TOKEN');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return new AuthenticationError('WRONG_AUDIENCE');
    if (error.claim === 'iss') return new AuthenticationError('WRONG_ISSUER');
    return new AuthenticationError('MALFORMED_TOKEN');
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return new AuthenticationError('INVALID_SIGNATURE');
  }
  return new AuthenticationError('MALFORMED_TOKEN');
}

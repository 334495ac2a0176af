import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AuthenticationError } from './auth.errors';

export interface BearerTokenVerifierOptions {
  issuer: string;
  audience: string;
  jwksUri: string;
  /**
   * How long after a JWKS fetch a token with an unknown `kid` may trigger another (jose's cooldown, default 30 s): an
   * issuer that rotated its key is followed at the first token signed with the new key once this has passed.
   */
  jwksCooldownMs?: number;
}

export interface VerifiedToken {
  issuer: string;
  subject: string;
  email?: string;
  /** Every claim of the verified token, for issuers whose subject is matched to a member by its claims. */
  claims: JWTPayload;
}

/** Verifies OpenID Connect access tokens against the issuer's published keys (fetched once, refreshed on rotation). */
export class BearerTokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly options: BearerTokenVerifierOptions) {
    this.keys = createRemoteJWKSet(new URL(options.jwksUri), {
      cooldownDuration: options.jwksCooldownMs ?? 30_000,
      timeoutDuration: 3_000,
    });
  }

  get issuer(): string {
    return this.options.issuer;
  }

  async verify(authorization: string | undefined): Promise<VerifiedToken> {
    return this.verifyJwt(bearerOf(authorization));
  }

  /** Verifies a JWT already taken out of its Authorization header. */
  async verifyJwt(jwt: string): Promise<VerifiedToken> {
    try {
      const { payload } = await jwtVerify(jwt, this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
      });
      if (!payload.sub) throw new AuthenticationError('MALFORMED_TOKEN');
      return {
        issuer: this.options.issuer,
        subject: payload.sub,
        email: typeof payload.email === 'string' ? payload.email : undefined,
        claims: payload,
      };
    } catch (error) {
      throw toAuthenticationError(error);
    }
  }
}

/** The JWT of an `Authorization: Bearer <jwt>` header; MISSING_TOKEN otherwise. */
export function bearerOf(authorization: string | undefined): string {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) throw new AuthenticationError('MISSING_TOKEN');
  return match[1];
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

import { decodeJwt } from 'jose';
import { AuthenticationError } from './auth.errors';
import {
  BearerTokenVerifier,
  bearerOf,
  type BearerTokenVerifierOptions,
  type VerifiedToken,
} from './bearer-token.verifier';

/**
 * Several trusted issuers at once (the development issuer, a structure's Keycloak, Pro Santé Connect): the token's own
 * `iss`, read before any check, only chooses whose keys, audience and expiry rules verify it; a token naming an issuer
 * not configured is WRONG_ISSUER without any key being fetched.
 */
export class IssuerVerifiers {
  private readonly byIssuer = new Map<string, BearerTokenVerifier>();

  constructor(issuers: readonly BearerTokenVerifierOptions[]) {
    for (const options of issuers) {
      if (this.byIssuer.has(options.issuer)) throw new Error(`issuer ${options.issuer} is configured twice`);
      this.byIssuer.set(options.issuer, new BearerTokenVerifier(options));
    }
  }

  async verify(authorization: string | undefined): Promise<VerifiedToken> {
    const jwt = bearerOf(authorization);
    let issuer: unknown;
    try {
      issuer = decodeJwt(jwt).iss;
    } catch {
      throw new AuthenticationError('MALFORMED_TOKEN');
    }
    const verifier = typeof issuer === 'string' ? this.byIssuer.get(issuer) : undefined;
    if (!verifier) throw new AuthenticationError(issuer === undefined ? 'MALFORMED_TOKEN' : 'WRONG_ISSUER');
    return verifier.verifyJwt(jwt);
  }
}

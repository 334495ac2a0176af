import { DomainError } from '@msp/errors';
import { GraphQLError } from 'graphql';

export type AuthenticationFailure =
  | 'MISSING_TOKEN'
  | 'MALFORMED_TOKEN'
  | 'EXPIRED_TOKEN'
  | 'INVALID_SIGNATURE'
  | 'WRONG_AUDIENCE'
  | 'WRONG_ISSUER'
  | 'UNKNOWN_MEMBER'
  | 'UNLINKED_IDENTITY';

const MESSAGES: Record<AuthenticationFailure, string> = {
  MISSING_TOKEN: 'Authentication required: send an OpenID Connect bearer token in the Authorization header',
  MALFORMED_TOKEN: 'The bearer token is not a well-formed JWT',
  EXPIRED_TOKEN: 'The bearer token has expired: obtain a new one',
  INVALID_SIGNATURE: 'The bearer token signature is not valid for this issuer',
  WRONG_AUDIENCE: 'The bearer token was issued for another audience',
  WRONG_ISSUER: 'The bearer token comes from an issuer this platform does not trust',
  UNKNOWN_MEMBER: 'The token is valid but names no member of any structure',
  UNLINKED_IDENTITY:
    'The token is valid but this identity is linked to no member: its RPPS or verified e-mail matches none, and no administrator linked it',
};

/** The caller could not be authenticated; GraphQL code UNAUTHENTICATED with the precise reason. */
export class AuthenticationError extends GraphQLError {
  constructor(readonly reason: AuthenticationFailure) {
    super(MESSAGES[reason], { extensions: { code: 'UNAUTHENTICATED', reason, http: { status: 401 } } });
  }
}

/**
 * The caller is known, sees the object, but their role may not do this; never says whether the target exists. A
 * domain error like any other refusal, so every filter answers it the same way (FORBIDDEN, 403).
 */
export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this') {
    super('forbidden', 'AUTH.FORBIDDEN', message);
  }
}

import { Body, HttpCode, Post } from '@nestjs/common';
import { InternalApiController, InternalApiException } from '@msp/messaging';
import { ResolveExternalIdentityHandler } from '../../application/external-identity/resolve-external-identity.handler';
import { DirectoryError } from '../../domain/directory-error';

/** What the gateway sends for a token of an external issuer it verified (signature, issuer, audience, expiry). */
interface ResolveBody {
  issuer?: unknown;
  subject?: unknown;
  claims?: { rpps?: unknown; email?: unknown; emailVerified?: unknown } | null;
}

const optionalText = (value: unknown, field: string): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw DirectoryError.invalid(field, 'must be a string');
  return value;
};

/** The gateway asks which member an external issuer's subject is (ADR 0019). */
@InternalApiController('identities', { callers: ['gateway'] })
export class ExternalIdentityInternalController {
  constructor(private readonly resolver: ResolveExternalIdentityHandler) {}

  /**
   * `{ issuer, subject, claims: { rpps?, email?, emailVerified? } }` → `{ memberId, rule, linkedNow }`, or 404
   * `DIRECTORY.IDENTITY_NOT_LINKED` when no link, RPPS or verified e-mail names a member.
   */
  @Post('resolve')
  @HttpCode(200)
  async resolve(@Body() body: ResolveBody) {
    const issuer = optionalText(body?.issuer, 'issuer');
    const subject = optionalText(body?.subject, 'subject');
    if (!issuer) throw DirectoryError.invalid('issuer', 'is required');
    if (!subject) throw DirectoryError.invalid('subject', 'is required');
    const claims = body.claims ?? {};
    const emailVerified = claims.emailVerified;
    if (emailVerified !== undefined && emailVerified !== null && typeof emailVerified !== 'boolean')
      throw DirectoryError.invalid('claims.emailVerified', 'must be a boolean');
    const resolved = await this.resolver.execute({
      issuer,
      subject,
      claims: {
        rpps: optionalText(claims.rpps, 'claims.rpps'),
        email: optionalText(claims.email, 'claims.email'),
        emailVerified: emailVerified === true,
      },
    });
    if (!resolved)
      throw new InternalApiException(
        404,
        'DIRECTORY.IDENTITY_NOT_LINKED',
        'No identity link, RPPS or verified e-mail of this token names a member',
      );
    return resolved;
  }
}

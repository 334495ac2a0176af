import {
  AuthenticationError,
  DEV_AUDIENCE,
  DEV_ISSUER,
  DevIssuer,
  IssuerVerifiers,
  type RunningDevIssuer,
} from '@msp/auth';
import { InternalRejectedError, InternalUnavailableError } from '@msp/messaging';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExternalIdentities, matchingClaimsOf } from '../../src/auth/external-identities';
import { RequestAuthenticator } from '../../src/auth/request-authenticator';
import { ServiceUnavailableError } from '../../src/auth/service-unavailable.error';
import type { ExternalIssuer } from '../../src/config/gateway.config';

const KEYCLOAK = 'https://keycloak.msp.test/realms/msp';
const KEYCLOAK_ISSUER: ExternalIssuer = {
  issuer: KEYCLOAK,
  audience: 'msp-platform',
  jwksUri: 'http://unused',
  rppsClaim: 'rpps',
  matchVerifiedEmail: true,
};
const reasonOf = (work: Promise<unknown>) =>
  work.then(
    () => 'accepted',
    (error: unknown) => (error instanceof AuthenticationError ? error.reason : (error as Error).message),
  );

describe('several issuers at the front door', () => {
  const dirs = [mkdtempSync(join(tmpdir(), 'gw-dev-')), mkdtempSync(join(tmpdir(), 'gw-kc-'))];
  let dev: DevIssuer;
  let keycloak: DevIssuer;
  let devJwks: RunningDevIssuer;
  let keycloakJwks: RunningDevIssuer;
  let verifiers: IssuerVerifiers;

  beforeAll(async () => {
    [dev, keycloak] = [await DevIssuer.loadOrCreate(dirs[0]), await DevIssuer.loadOrCreate(dirs[1])];
    [devJwks, keycloakJwks] = [await dev.listen(), await keycloak.listen()];
    verifiers = new IssuerVerifiers([
      { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, jwksUri: devJwks.jwksUri },
      { issuer: KEYCLOAK, audience: 'msp-platform', jwksUri: keycloakJwks.jwksUri },
    ]);
  });

  afterAll(async () => {
    await devJwks.close();
    await keycloakJwks.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("verifies each token with its own issuer's keys and says which issuer vouched for it", async () => {
    await expect(verifiers.verify(`Bearer ${await dev.issue({ subject: 'm-1' })}`)).resolves.toMatchObject({
      issuer: DEV_ISSUER,
      subject: 'm-1',
    });
    const external = await keycloak.issue({ subject: 'kc-sub', issuer: KEYCLOAK, audience: 'msp-platform' });
    await expect(verifiers.verify(`Bearer ${external}`)).resolves.toMatchObject({
      issuer: KEYCLOAK,
      subject: 'kc-sub',
    });
  });

  it('refuses a token naming an issuer not configured, one signed with another issuer’s key, and a wrong audience', async () => {
    const unknown = await keycloak.issue({ subject: 's', issuer: 'https://evil.test', audience: 'msp-platform' });
    expect(await reasonOf(verifiers.verify(`Bearer ${unknown}`))).toBe('WRONG_ISSUER');
    const impostor = await dev.issue({ subject: 's', issuer: KEYCLOAK, audience: 'msp-platform' });
    expect(await reasonOf(verifiers.verify(`Bearer ${impostor}`))).toBe('INVALID_SIGNATURE');
    const elsewhere = await keycloak.issue({ subject: 's', issuer: KEYCLOAK, audience: 'account' });
    expect(await reasonOf(verifiers.verify(`Bearer ${elsewhere}`))).toBe('WRONG_AUDIENCE');
    expect(await reasonOf(verifiers.verify('Bearer not-a-jwt'))).toBe('MALFORMED_TOKEN');
  });

  it('refuses to trust one issuer twice', () => {
    const twice = { issuer: KEYCLOAK, audience: 'a', jwksUri: keycloakJwks.jwksUri };
    expect(() => new IssuerVerifiers([twice, twice])).toThrow(/configured twice/);
  });
});

describe('ExternalIdentities', () => {
  const token = (claims: Record<string, unknown>, subject = 'kc-sub') => ({
    issuer: KEYCLOAK,
    subject,
    claims: { iss: KEYCLOAK, sub: subject, ...claims },
  });
  const post = jest.fn();
  const log = { warn: jest.fn(), error: jest.fn() };
  const identities = () => new ExternalIdentities([KEYCLOAK_ISSUER], { post }, log);

  beforeEach(() => jest.resetAllMocks());

  it("sends the directory the configured RPPS claim, and the e-mail with the issuer's verification", async () => {
    expect(
      matchingClaimsOf(token({ rpps: '10272349340', email: 'a@b.fr', email_verified: true }), KEYCLOAK_ISSUER),
    ).toEqual({ rpps: '10272349340', email: 'a@b.fr', emailVerified: true });
    expect(matchingClaimsOf(token({ email: 'a@b.fr' }), KEYCLOAK_ISSUER)).toEqual({
      rpps: undefined,
      email: 'a@b.fr',
      emailVerified: false,
    });
    const psc = { ...KEYCLOAK_ISSUER, rppsClaim: 'SubjectNameID', matchVerifiedEmail: false };
    expect(
      matchingClaimsOf(token({ SubjectNameID: '810272349340', email: 'a@b.fr', email_verified: true }), psc),
    ).toEqual({ rpps: '810272349340', emailVerified: false });
  });

  it('asks the directory once per subject while its answer is fresh', async () => {
    post.mockResolvedValue({ memberId: 'm-7', rule: 'rpps' });
    const external = identities();
    await expect(external.memberOf(token({ rpps: '10272349340' }))).resolves.toBe('m-7');
    await expect(external.memberOf(token({}))).resolves.toBe('m-7');
    expect(post).toHaveBeenCalledTimes(1);
    expect(post).toHaveBeenCalledWith(
      '/internal/identities/resolve',
      { issuer: KEYCLOAK, subject: 'kc-sub', claims: { rpps: '10272349340', email: undefined, emailVerified: false } },
      undefined,
    );
  });

  it('refuses an identity the directory links to no member, and is UNAVAILABLE when the directory is away', async () => {
    post.mockRejectedValueOnce(new InternalRejectedError(404, 'DIRECTORY.IDENTITY_NOT_LINKED', 'no'));
    expect(await reasonOf(identities().memberOf(token({})))).toBe('UNLINKED_IDENTITY');
    post.mockRejectedValueOnce(
      new InternalUnavailableError('directory', '/internal/identities/resolve', 'ECONNREFUSED'),
    );
    await expect(identities().memberOf(token({}))).rejects.toBeInstanceOf(ServiceUnavailableError);
  });

  it("lets the request authenticator use it for external issuers only: the development issuer's subject is the member id", async () => {
    const verify = jest.fn();
    const contextOf = jest.fn().mockImplementation(async (memberId: string) => ({ memberId, memberships: [] }));
    post.mockResolvedValue({ memberId: 'm-linked' });
    const authenticator = new RequestAuthenticator({ verify }, { contextOf }, log, identities());
    verify.mockResolvedValueOnce(token({}));
    await expect(authenticator.authenticate('Bearer kc')).resolves.toMatchObject({ memberId: 'm-linked' });
    verify.mockResolvedValueOnce({ issuer: DEV_ISSUER, subject: 'm-dev', claims: {} });
    await expect(authenticator.authenticate('Bearer dev')).resolves.toMatchObject({ memberId: 'm-dev' });
    expect(post).toHaveBeenCalledTimes(1);
  });
});

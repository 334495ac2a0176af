import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import {
  AuthenticationError,
  BearerTokenVerifier,
  DEV_AUDIENCE,
  DEV_ISSUER,
  DevIssuer,
  generateSigningKeyPair,
  signUserContext,
  verifyUserContext,
  type RunningDevIssuer,
  type UserContext,
} from '../src';

const reasonOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    expect(error).toBeInstanceOf(AuthenticationError);
    return (error as AuthenticationError).reason;
  }
};

describe('bearer tokens from the development issuer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dev-issuer-'));
  let issuer: DevIssuer;
  let running: RunningDevIssuer;
  let verifier: BearerTokenVerifier;

  beforeAll(async () => {
    issuer = await DevIssuer.loadOrCreate(dir);
    running = await issuer.listen();
    verifier = new BearerTokenVerifier({ issuer: DEV_ISSUER, audience: DEV_AUDIENCE, jwksUri: running.jwksUri });
  });

  afterAll(async () => {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts a token it issued and returns its subject', async () => {
    const token = await issuer.issue({ subject: 'member-1', email: 'a@example.org' });
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toMatchObject({
      subject: 'member-1',
      email: 'a@example.org',
    });
  });

  it('keeps its key across restarts so issued tokens stay valid', async () => {
    const token = await issuer.issue({ subject: 'member-2' });
    const reloaded = await DevIssuer.loadOrCreate(dir);
    expect(reloaded.jwks()).toEqual(issuer.jwks());
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toMatchObject({ subject: 'member-2' });
  });

  it('publishes only the public key', () => {
    expect(issuer.jwks().keys[0]).not.toHaveProperty('d');
  });

  it.each([
    ['no header', async () => undefined, 'MISSING_TOKEN'],
    ['not a bearer token', async () => 'Basic dXNlcjpwYXNz', 'MISSING_TOKEN'],
    ['garbage', async () => 'Bearer not.a.jwt', 'MALFORMED_TOKEN'],
    [
      'an expired token',
      async () => `Bearer ${await issuer.issue({ subject: 'm', expiresIn: Math.floor(Date.now() / 1000) - 60 })}`,
      'EXPIRED_TOKEN',
    ],
    [
      'another audience',
      async () => `Bearer ${await issuer.issue({ subject: 'm', audience: 'someone-else' })}`,
      'WRONG_AUDIENCE',
    ],
    [
      'another issuer',
      async () => `Bearer ${await issuer.issue({ subject: 'm', issuer: 'https://evil.example' })}`,
      'WRONG_ISSUER',
    ],
  ])('refuses %s', async (_label, header, reason) => {
    expect(await reasonOf(verifier.verify(await header()))).toBe(reason);
  });

  it('reports an unreachable issuer as such, not as a bad token', async () => {
    const offline = new BearerTokenVerifier({
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      jwksUri: 'http://127.0.0.1:9/jwks.json',
    });
    const token = await issuer.issue({ subject: 'member-1' });
    await expect(offline.verify(`Bearer ${token}`)).rejects.not.toBeInstanceOf(AuthenticationError);
  });

  it('refuses a token signed by another key', async () => {
    const otherDir = mkdtempSync(join(tmpdir(), 'other-issuer-'));
    const forger = await DevIssuer.loadOrCreate(otherDir);
    const forged = await forger.issue({ subject: 'member-1' });
    expect(await reasonOf(verifier.verify(`Bearer ${forged}`))).toBe('INVALID_SIGNATURE');
    rmSync(otherDir, { recursive: true, force: true });
  });
});

describe('user context signed by the gateway', () => {
  const gateway = generateSigningKeyPair();
  const user: UserContext = {
    memberId: 'm-1',
    memberships: [{ structureId: 's-1', roles: ['secretary'], siteIds: ['site-1'] }],
  };
  const signed = (key = gateway.privateKey, audience = 'scheduling', lifetime?: number) =>
    signUserContext(user, key, audience, lifetime);

  it('round-trips the caller for the subgraph it was signed for', async () => {
    await expect(verifyUserContext(await signed(), gateway.publicKey, 'scheduling')).resolves.toEqual(user);
  });

  it('refuses a context signed by any key but the gateway private key', async () => {
    const subgraph = generateSigningKeyPair(); // what a compromised subgraph holds: a key of its own
    expect(await reasonOf(verifyUserContext(await signed(subgraph.privateKey), gateway.publicKey, 'scheduling'))).toBe(
      'INVALID_SIGNATURE',
    );
  });

  it('refuses a context minted with a shared secret (HS256), as every subgraph could before', async () => {
    const hs256 = await new SignJWT({ memberships: user.memberships })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('m-1')
      .setIssuer('msp-gateway')
      .setAudience('scheduling')
      .setIssuedAt()
      .setExpirationTime('30s')
      .sign(new TextEncoder().encode('a-shared-secret-every-subgraph-knows-32+'));
    expect(await reasonOf(verifyUserContext(hs256, gateway.publicKey, 'scheduling'))).toBe('INVALID_SIGNATURE');
  });

  it('refuses a context signed for another subgraph', async () => {
    expect(
      await reasonOf(verifyUserContext(await signed(undefined, 'directory'), gateway.publicKey, 'scheduling')),
    ).toBe('WRONG_AUDIENCE');
  });

  it('refuses a missing or tampered header', async () => {
    expect(await reasonOf(verifyUserContext(undefined, gateway.publicKey, 'scheduling'))).toBe('MISSING_TOKEN');
    const [header, , signature] = (await signed()).split('.');
    const elevated = Buffer.from(
      JSON.stringify({ sub: 'm-1', memberships: [{ structureId: 's-2', roles: ['administrator'], siteIds: [] }] }),
    ).toString('base64url');
    expect(
      await reasonOf(verifyUserContext(`${header}.${elevated}.${signature}`, gateway.publicKey, 'scheduling')),
    ).toBe('INVALID_SIGNATURE');
  });

  it('refuses an expired header, and will not sign one living more than 60 s', async () => {
    expect(
      await reasonOf(verifyUserContext(await signed(undefined, undefined, -10), gateway.publicKey, 'scheduling')),
    ).toBe('EXPIRED_TOKEN');
    expect(() => signed(undefined, undefined, 3600)).toThrow(/at most 60 s/);
  });
});

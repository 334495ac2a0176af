import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { BearerTokenVerifier, DEV_AUDIENCE, DEV_ISSUER, DevIssuer, type RunningDevIssuer } from '../src';

const CONSOLE = 'http://127.0.0.1:4000';
const REDIRECT_URI = `${CONSOLE}/connexion/retour`;
const MEMBER_ID = '7d3c1a52-2f7e-4d55-9c1e-2b8f6a9e4c10';

const verifierAndChallenge = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

describe("the development issuer's authorization-code flow with PKCE", () => {
  const dir = mkdtempSync(join(tmpdir(), 'dev-sign-in-'));
  let running: RunningDevIssuer;

  beforeAll(async () => {
    const issuer = await DevIssuer.loadOrCreate(dir);
    running = await issuer.listen(0, {
      clients: [{ clientId: 'msp-console', redirectUris: [REDIRECT_URI] }],
      accounts: [{ login: 'secretariat@msp-lices.demo', description: 'Secrétariat — MSP des Lices' }],
      findMember: async (login) =>
        login === 'secretariat@msp-lices.demo' ? { subject: MEMBER_ID, email: login } : undefined,
    });
  });

  afterAll(async () => {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const authorization = (challenge: string, extra: Record<string, string> = {}) =>
    new URLSearchParams({
      client_id: 'msp-console',
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      state: 'state-1',
      nonce: 'nonce-1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...extra,
    });

  /** Signs in as the login (the page's form post) and answers the code sent back to the redirect URI. */
  async function codeFor(login: string, challenge: string): Promise<string> {
    const answer = await fetch(`${running.url}/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...Object.fromEntries(authorization(challenge)), login }),
      redirect: 'manual',
    });
    expect(answer.status).toBe(303);
    const location = new URL(answer.headers.get('location') as string);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get('state')).toBe('state-1');
    return location.searchParams.get('code') as string;
  }

  const exchange = (code: string, verifier: string, extra: Record<string, string> = {}) =>
    fetch(`${running.url}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: CONSOLE },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT_URI,
        client_id: 'msp-console',
        code_verifier: verifier,
        ...extra,
      }),
    });

  it('advertises its endpoints and PKCE S256 in the discovery document, to the console origin only', async () => {
    const answer = await fetch(`${running.url}/.well-known/openid-configuration`, { headers: { origin: CONSOLE } });
    expect(await answer.json()).toMatchObject({
      issuer: DEV_ISSUER,
      authorization_endpoint: `${running.url}/authorize`,
      token_endpoint: `${running.url}/token`,
      code_challenge_methods_supported: ['S256'],
    });
    expect(answer.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    const elsewhere = await fetch(`${running.url}/.well-known/openid-configuration`, {
      headers: { origin: 'http://evil.test' },
    });
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('shows a French sign-in page marked as development only, with the demo members', async () => {
    const { challenge } = verifierAndChallenge();
    const answer = await fetch(`${running.url}/authorize?${authorization(challenge).toString()}`);
    expect(answer.status).toBe(200);
    const page = await answer.text();
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('Émetteur de développement.');
    expect(page).toContain('secretariat@msp-lices.demo');
    expect(answer.headers.get('content-security-policy')).toContain(`form-action 'self' ${CONSOLE}`);
  });

  it('exchanges a code and its verifier for an access token the gateway accepts and an ID token for the console', async () => {
    const { verifier, challenge } = verifierAndChallenge();
    const answer = await exchange(await codeFor('secretariat@msp-lices.demo', challenge), verifier);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    const tokens = (await answer.json()) as { access_token: string; id_token: string; token_type: string };
    expect(tokens.token_type).toBe('Bearer');
    const verified = await new BearerTokenVerifier({
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      jwksUri: running.jwksUri,
    }).verify(`Bearer ${tokens.access_token}`);
    expect(verified.subject).toBe(MEMBER_ID);
    expect(decodeJwt(tokens.id_token)).toMatchObject({ sub: MEMBER_ID, aud: 'msp-console', nonce: 'nonce-1' });
  });

  it('refuses a wrong verifier, a replayed code, and a code sent back to another redirect URI', async () => {
    const { verifier, challenge } = verifierAndChallenge();
    const code = await codeFor('secretariat@msp-lices.demo', challenge);
    const wrong = await exchange(code, verifierAndChallenge().verifier);
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant' });
    // The failed attempt used the code up: the right verifier comes too late.
    expect((await exchange(code, verifier)).status).toBe(400);

    const second = await codeFor('secretariat@msp-lices.demo', challenge);
    expect((await exchange(second, verifier, { redirect_uri: 'http://evil.test/cb' })).status).toBe(400);
  });

  it('never redirects to an unregistered URI, and requires PKCE with S256', async () => {
    const { challenge } = verifierAndChallenge();
    const refused: Array<Record<string, string>> = [
      { redirect_uri: 'http://evil.test/connexion/retour' },
      { client_id: 'someone-else' },
      { code_challenge_method: 'plain' },
      { code_challenge: '' },
      { response_type: 'token' },
    ];
    for (const extra of refused) {
      const answer = await fetch(`${running.url}/authorize?${authorization(challenge, extra).toString()}`, {
        redirect: 'manual',
      });
      expect({ extra, status: answer.status, location: answer.headers.get('location') }).toEqual({
        extra,
        status: 400,
        location: null,
      });
    }
  });

  it('keeps the page, with a message, for a login that names no member', async () => {
    const { challenge } = verifierAndChallenge();
    const answer = await fetch(`${running.url}/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...Object.fromEntries(authorization(challenge)), login: '<b>inconnu</b>' }),
      redirect: 'manual',
    });
    expect(answer.status).toBe(200);
    const page = await answer.text();
    expect(page).toContain('Aucun membre ne correspond à « &lt;b&gt;inconnu&lt;/b&gt; ».');
    expect(page).not.toContain('<b>inconnu</b>');
  });
});

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { signInPage, signInRefusedPage } from './sign-in-page';

/** A browser application allowed to sign in through the development issuer (the web console). */
export interface DevSignInClient {
  clientId: string;
  /** Exact redirect URIs; a code is never sent anywhere else. */
  redirectUris: readonly string[];
}

/** A member offered on the sign-in page, e.g. `secretariat@msp-lices.demo`, "Secrétariat — MSP des Lices". */
export interface DevAccount {
  login: string;
  description: string;
}

/** Who signs in: the subject of the tokens (a member id) and the e-mail put in them. */
export interface DevSignedInMember {
  subject: string;
  email?: string;
}

export interface DevSignInOptions {
  clients: readonly DevSignInClient[];
  /** Listed as buttons on the sign-in page; any other login may be typed. */
  accounts: readonly DevAccount[];
  /** The member a login names (an e-mail or a member id); undefined when there is none. */
  findMember(login: string): Promise<DevSignedInMember | undefined>;
  /** Lifetime of the access token the token endpoint gives (default 3600 s). */
  tokenLifetimeSeconds?: number;
}

/** What the token endpoint needs: the issuer's signing, with the audience and lifetime of each token. */
export interface DevTokenSigner {
  sign(claims: {
    subject: string;
    email?: string;
    audience?: string;
    nonce?: string;
    expiresInSeconds: number;
  }): Promise<string>;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce?: string;
  member: DevSignedInMember;
  expiresAt: number;
}

const CODE_LIFETIME_MS = 60_000;
const MAX_FORM_BYTES = 16_384;
/** RFC 7636 §4.1: 43 to 128 characters of the unreserved set. */
const CODE_VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
const CODE_CHALLENGE = /^[A-Za-z0-9\-_]{43}$/;

/**
 * The authorization-code flow with PKCE (S256 only) for the development issuer: `GET /authorize` shows a French page
 * listing the demo members, `POST /authorize` sends the chosen one back to the client's registered redirect URI with a
 * one-time code (60 s), and `POST /token` exchanges it, with the code verifier, for an access token and an ID token.
 * There is no password: it is a development aid, and the page says so.
 */
export class DevSignIn {
  private readonly codes = new Map<string, PendingCode>();

  constructor(
    private readonly options: DevSignInOptions,
    private readonly signer: DevTokenSigner,
  ) {}

  /** The origins of the registered redirect URIs: the only ones given CORS access (discovery and token endpoint). */
  allowsOrigin(origin: string | undefined): boolean {
    return origin !== undefined && this.clientOrigins().includes(origin);
  }

  private clientOrigins(): string[] {
    return [...new Set(this.options.clients.flatMap((c) => c.redirectUris.map((uri) => new URL(uri).origin)))];
  }

  /** Answers the sign-in routes; false for any other path. */
  async handle(request: IncomingMessage, response: ServerResponse, path: string): Promise<boolean> {
    if (path === '/authorize' && request.method === 'GET') {
      this.showSignInPage(request, response);
      return true;
    }
    if (path === '/authorize' && request.method === 'POST') {
      await this.signIn(request, response);
      return true;
    }
    if (path === '/token' && request.method === 'POST') {
      await this.exchangeCode(request, response);
      return true;
    }
    return false;
  }

  private showSignInPage(request: IncomingMessage, response: ServerResponse): void {
    const params = new URL(request.url ?? '/', 'http://issuer').searchParams;
    const refusal = this.refusalOf(params);
    if (refusal) return html(response, 400, signInRefusedPage(refusal));
    html(response, 200, signInPage(this.options.accounts, authorizationParams(params)), this.clientOrigins());
  }

  private async signIn(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const params = await formBody(request);
    if (!params) return html(response, 400, signInRefusedPage('Requête de connexion illisible.'));
    const refusal = this.refusalOf(params);
    if (refusal) return html(response, 400, signInRefusedPage(refusal));
    const login = (params.get('login') ?? '').trim();
    const member = login ? await this.options.findMember(login) : undefined;
    if (!member) {
      const message = login ? `Aucun membre ne correspond à « ${login} ».` : 'Choisissez un membre.';
      return html(
        response,
        200,
        signInPage(this.options.accounts, authorizationParams(params), message),
        this.clientOrigins(),
      );
    }
    this.forgetExpiredCodes();
    const code = randomBytes(32).toString('base64url');
    this.codes.set(code, {
      clientId: params.get('client_id') as string,
      redirectUri: params.get('redirect_uri') as string,
      codeChallenge: params.get('code_challenge') as string,
      nonce: params.get('nonce') ?? undefined,
      member,
      expiresAt: Date.now() + CODE_LIFETIME_MS,
    });
    const target = new URL(params.get('redirect_uri') as string);
    target.searchParams.set('code', code);
    const state = params.get('state');
    if (state) target.searchParams.set('state', state);
    response.writeHead(303, { location: target.toString(), 'cache-control': 'no-store' });
    response.end();
  }

  private async exchangeCode(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const params = await formBody(request);
    if (!params) return tokenError(response, 'invalid_request', 'the body must be application/x-www-form-urlencoded');
    if (params.get('grant_type') !== 'authorization_code')
      return tokenError(response, 'unsupported_grant_type', 'only authorization_code is supported');
    const code = params.get('code') ?? '';
    const pending = this.codes.get(code);
    // One use only, whatever the outcome: a replayed or stolen code is worth nothing.
    this.codes.delete(code);
    if (!pending || pending.expiresAt < Date.now())
      return tokenError(response, 'invalid_grant', 'unknown, used or expired code');
    if (pending.clientId !== params.get('client_id') || pending.redirectUri !== params.get('redirect_uri'))
      return tokenError(response, 'invalid_grant', 'the code was issued to another client or redirect URI');
    const verifier = params.get('code_verifier') ?? '';
    if (!CODE_VERIFIER.test(verifier) || !sameText(s256(verifier), pending.codeChallenge))
      return tokenError(response, 'invalid_grant', 'the code verifier does not match the code challenge');
    const lifetime = this.options.tokenLifetimeSeconds ?? 3600;
    const { subject, email } = pending.member;
    const body = {
      access_token: await this.signer.sign({ subject, email, expiresInSeconds: lifetime }),
      id_token: await this.signer.sign({
        subject,
        email,
        audience: pending.clientId,
        nonce: pending.nonce,
        expiresInSeconds: lifetime,
      }),
      token_type: 'Bearer',
      expires_in: lifetime,
      scope: 'openid',
    };
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', pragma: 'no-cache' });
    response.end(JSON.stringify(body));
  }

  /** Why an authorization request is refused (shown, never redirected: the redirect URI may be the attacker's). */
  private refusalOf(params: URLSearchParams): string | undefined {
    const client = this.options.clients.find((c) => c.clientId === params.get('client_id'));
    if (!client) return 'Application inconnue (client_id).';
    if (!client.redirectUris.includes(params.get('redirect_uri') ?? ''))
      return 'Adresse de retour non enregistrée pour cette application (redirect_uri).';
    if (params.get('response_type') !== 'code') return 'Seul le flux « code » est accepté (response_type=code).';
    if (params.get('code_challenge_method') !== 'S256' || !CODE_CHALLENGE.test(params.get('code_challenge') ?? ''))
      return 'PKCE est obligatoire : code_challenge avec code_challenge_method=S256.';
    return undefined;
  }

  private forgetExpiredCodes(): void {
    const now = Date.now();
    for (const [code, pending] of this.codes) if (pending.expiresAt < now) this.codes.delete(code);
  }
}

/** The parameters the sign-in form carries back to `POST /authorize`. */
const AUTHORIZATION_PARAMS = [
  'client_id',
  'redirect_uri',
  'response_type',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'scope',
] as const;

function authorizationParams(params: URLSearchParams): Array<[string, string]> {
  return AUTHORIZATION_PARAMS.flatMap((name) => {
    const value = params.get(name);
    return value === null ? [] : [[name, value] as [string, string]];
  });
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

async function formBody(request: IncomingMessage): Promise<URLSearchParams | undefined> {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function html(response: ServerResponse, status: number, body: string, redirectOrigins: readonly string[] = []): void {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // The page has no script and posts only to itself, whose answer redirects to a client (Chrome checks form-action
    // on that redirect too); nobody may frame it.
    'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${redirectOrigins.join(' ')}; frame-ancestors 'none'; base-uri 'none'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  response.end(body);
}

function tokenError(response: ServerResponse, error: string, description: string): void {
  response.writeHead(400, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify({ error, error_description: description }));
}

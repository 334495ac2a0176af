import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK } from 'jose';
import { DevSignIn, type DevSignInOptions } from './dev-sign-in';

/** Issuer and audience the development issuer uses; the gateway's defaults in development. */
export const DEV_ISSUER = 'https://dev-issuer.msp.local';
export const DEV_AUDIENCE = 'msp-platform';
const ALGORITHM = 'ES256';

export interface IssueOptions {
  subject: string;
  email?: string;
  audience?: string;
  issuer?: string;
  /** jose duration such as `8h`, or seconds since the epoch. */
  expiresIn?: string | number;
  /** Echoed in an ID token, as the client sent it with its authorization request. */
  nonce?: string;
}

export interface RunningDevIssuer {
  url: string;
  jwksUri: string;
  close(): Promise<void>;
}

/**
 * A tiny OpenID Connect issuer for development and tests: one ES256 key pair kept in `dir` (so tokens survive restarts),
 * the standard discovery document and JWKS over HTTP, and tokens on demand. Production uses Keycloak or Pro Santé Connect.
 */
export class DevIssuer {
  private constructor(
    private readonly privateKey: CryptoKey | Uint8Array,
    private readonly publicJwk: JWK,
  ) {}

  static async loadOrCreate(dir: string): Promise<DevIssuer> {
    const file = join(dir, 'signing-key.json');
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      const { privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
      const jwk = {
        ...(await exportJWK(privateKey)),
        kid: `dev-${Date.now().toString(36)}`,
        alg: ALGORITHM,
        use: 'sig',
      };
      writeFileSync(file, JSON.stringify(jwk), { mode: 0o600 });
      chmodSync(file, 0o600);
    }
    const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
    const { d: _private, ...publicJwk } = jwk;
    return new DevIssuer(await importJWK(jwk, ALGORITHM), publicJwk);
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.publicJwk] };
  }

  issue(options: IssueOptions): Promise<string> {
    const claims = {
      ...(options.email ? { email: options.email } : {}),
      ...(options.nonce ? { nonce: options.nonce } : {}),
    };
    const token = new SignJWT(claims)
      .setProtectedHeader({ alg: ALGORITHM, kid: this.publicJwk.kid })
      .setSubject(options.subject)
      .setIssuer(options.issuer ?? DEV_ISSUER)
      .setAudience(options.audience ?? DEV_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '8h');
    return token.sign(this.privateKey);
  }

  /**
   * Serves `/.well-known/openid-configuration` and `/jwks.json` on 127.0.0.1:`port` (0 picks a free port); with
   * `signIn`, also the authorization-code flow with PKCE for browser clients (`/authorize`, `/token`: `DevSignIn`).
   */
  listen(port = 0, signIn?: DevSignInOptions): Promise<RunningDevIssuer> {
    const flow = signIn
      ? new DevSignIn(signIn, {
          sign: ({ subject, email, audience, nonce, expiresInSeconds }) =>
            this.issue({ subject, email, audience, nonce, expiresIn: `${expiresInSeconds}s` }),
        })
      : undefined;
    const server: Server = createServer((request, response) => {
      const base = `http://${request.headers.host}`;
      const path = new URL(request.url ?? '/', base).pathname;
      // The console reads the discovery document and calls the token endpoint from its own origin.
      const origin = request.headers.origin;
      if (flow?.allowsOrigin(origin)) {
        response.setHeader('access-control-allow-origin', origin as string);
        response.setHeader('vary', 'origin');
      }
      if (request.method === 'OPTIONS' && flow) {
        response.writeHead(204, {
          'access-control-allow-methods': 'GET, POST',
          'access-control-allow-headers': 'content-type',
          'access-control-max-age': '600',
        });
        return void response.end();
      }
      if (flow) {
        flow.handle(request, response, path).then(
          (handled) => handled || this.answerDocument(path, base, Boolean(flow), response),
          () => {
            if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
            response.end(JSON.stringify({ error: 'server_error' }));
          },
        );
        return;
      }
      this.answerDocument(path, base, false, response);
    });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        const actual = typeof address === 'object' && address ? address.port : port;
        const url = `http://127.0.0.1:${actual}`;
        resolve({ url, jwksUri: `${url}/jwks.json`, close: () => new Promise((done) => server.close(() => done())) });
      });
    });
  }

  private answerDocument(path: string, base: string, signIn: boolean, response: ServerResponse): void {
    const body =
      path === '/jwks.json'
        ? this.jwks()
        : path === '/.well-known/openid-configuration'
          ? {
              issuer: DEV_ISSUER,
              jwks_uri: `${base}/jwks.json`,
              id_token_signing_alg_values_supported: [ALGORITHM],
              ...(signIn && {
                authorization_endpoint: `${base}/authorize`,
                token_endpoint: `${base}/token`,
                response_types_supported: ['code'],
                grant_types_supported: ['authorization_code'],
                code_challenge_methods_supported: ['S256'],
                subject_types_supported: ['public'],
                token_endpoint_auth_methods_supported: ['none'],
                scopes_supported: ['openid', 'email'],
              }),
            }
          : undefined;
    response.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body ?? { error: 'not found' }));
  }
}

import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK } from 'jose';

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
    const token = new SignJWT(options.email ? { email: options.email } : {})
      .setProtectedHeader({ alg: ALGORITHM, kid: this.publicJwk.kid })
      .setSubject(options.subject)
      .setIssuer(options.issuer ?? DEV_ISSUER)
      .setAudience(options.audience ?? DEV_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '8h');
    return token.sign(this.privateKey);
  }

  /** Serves `/.well-known/openid-configuration` and `/jwks.json` on 127.0.0.1:`port` (0 picks a free port). */
  listen(port = 0): Promise<RunningDevIssuer> {
    const server: Server = createServer((request, response) => {
      const base = `http://${request.headers.host}`;
      const body =
        request.url === '/jwks.json'
          ? this.jwks()
          : request.url === '/.well-known/openid-configuration'
            ? { issuer: DEV_ISSUER, jwks_uri: `${base}/jwks.json`, id_token_signing_alg_values_supported: [ALGORITHM] }
            : undefined;
      response.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body ?? { error: 'not found' }));
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
}

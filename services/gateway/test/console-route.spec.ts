import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@msp/infra';
import type { INestApplication } from '@nestjs/common';
import { GatewayConfig } from '../src/config/gateway.config';
import { startGateway } from '../src/gateway.bootstrap';

const INDEX = '<!doctype html><html lang="fr"><body><div id="root"></div></body></html>';
const SCRIPT = 'console.log("console")';

/** A raw GET or HEAD: fetch() would normalise `..` segments before they reach the gateway. */
function raw(
  url: string,
  path: string,
  method = 'GET',
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${url}${path}`, { method, path }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('the gateway serves the web console on its origin (CONSOLE_DIR)', () => {
  let dir: string;
  let gateway: INestApplication;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'msp-console-dist-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'index-3f2a9c.js'), SCRIPT);
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(tmpdir(), 'outside-the-console.txt'), 'secret');
    const port = await freePort();
    gateway = await startGateway(
      GatewayConfig.fromEnv({
        PORT: String(port),
        LOG_LEVEL: 'silent',
        CONSOLE_DIR: dir,
        CONSOLE_OIDC_AUTHORITY: 'http://127.0.0.1:4999',
        // A public route mounted, so that its prefix is shown to stay the route's.
        SCHEDULING_PUBLIC_URL: 'http://127.0.0.1:9',
      }),
    );
    url = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await gateway?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the application at / and at any route without an extension, revalidated each time', async () => {
    for (const path of ['/', '/agenda', '/connexion/retour?code=abc&state=xyz', '/taches/123']) {
      const answer = await raw(url, path);
      expect({ path, status: answer.status, body: answer.body }).toEqual({ path, status: 200, body: INDEX });
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets for a year, other files revalidated, and HEAD without a body', async () => {
    const script = await raw(url, '/assets/index-3f2a9c.js');
    expect(script).toMatchObject({ status: 200, body: SCRIPT });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await raw(url, '/favicon.svg');
    expect(icon.headers).toMatchObject({ 'content-type': 'image/svg+xml', 'cache-control': 'no-cache' });
    const head = await raw(url, '/agenda', 'HEAD');
    expect(head).toMatchObject({ status: 200, body: '' });
    expect(head.headers['content-length']).toBe(String(INDEX.length));
  });

  it('sends a CSP that allows only its own scripts and the issuer for the sign-in, and forbids framing', async () => {
    const { headers } = await raw(url, '/agenda');
    const policy = String(headers['content-security-policy']);
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self' http://127.0.0.1:4999");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY' });
  });

  it('tells the console which issuer and client id to sign in with, never cached', async () => {
    const answer = await raw(url, '/console-config.json');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ authority: 'http://127.0.0.1:4999', clientId: 'msp-console' });
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('answers 404, not the application, for a missing file and for paths leaving the folder', async () => {
    for (const path of [
      '/assets/missing.js',
      '/../outside-the-console.txt',
      '/%2e%2e/outside-the-console.txt',
      '/assets/..%2f..%2foutside-the-console.txt',
      '/assets%5c..%5c..%5coutside-the-console.txt',
    ]) {
      const answer = await raw(url, path);
      expect({ path, status: answer.status }).toEqual({ path, status: 404 });
      expect(answer.body).not.toContain('secret');
      expect(answer.body).not.toContain('<div id="root">');
    }
  });

  it("never shadows the platform's own paths: GraphQL, health, metrics, the public routes", async () => {
    const graphql = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ platform { name } }' }),
    });
    expect(graphql.status).toBe(200);
    expect(await graphql.json()).toMatchObject({ data: { platform: { name: expect.any(String) } } });
    expect((await raw(url, '/health/live')).headers['content-type']).toMatch(/application\/json/);
    expect((await raw(url, '/metrics')).body).toContain('# HELP');
    // The public route's upstream (port 9) is down: the route's own 503, not the console's page.
    const booking = await raw(url, '/public/00000000-0000-0000-0000-000000000000/motifs');
    expect(booking.status).toBe(503);
    expect(booking.body).toContain('UNAVAILABLE');
    for (const path of ['/graphql/anything', '/health/unknown', '/.well-known/openid-configuration']) {
      const answer = await raw(url, path);
      expect({ path, console: answer.body.includes('<div id="root">') }).toEqual({ path, console: false });
    }
  });

  it('leaves / to Nest when CONSOLE_DIR is not set', async () => {
    const port = await freePort();
    const bare = await startGateway(GatewayConfig.fromEnv({ PORT: String(port), LOG_LEVEL: 'silent' }));
    try {
      expect((await raw(`http://127.0.0.1:${port}`, '/agenda')).status).toBe(404);
    } finally {
      await bare.close();
    }
  });
});

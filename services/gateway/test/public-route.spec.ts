import { createServer, get, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort } from '@msp/infra';
import type { INestApplication } from '@nestjs/common';
import { GatewayConfig } from '../src/config/gateway.config';
import { startGateway } from '../src/gateway.bootstrap';
import { LogCapture } from './fixtures/log-capture';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Stands in for scheduling's public listener: records what reaches it and answers like it. */
async function startUpstream(): Promise<{ server: Server; url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      if (req.url?.startsWith('/ical/')) {
        res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, max-age=300' });
        res.end('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
        return;
      }
      res.writeHead(req.method === 'POST' ? 202 : 200, {
        'content-type': 'application/json; charset=utf-8',
        'keep-alive': 'timeout=77',
        'x-upstream-only': 'hop',
        connection: 'x-upstream-only',
      });
      res.end(JSON.stringify({ motifs: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe("the gateway's public route to scheduling's public listener (/public, /ical)", () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let gateway: INestApplication;
  let url: string;
  const logs = new LogCapture();

  const start = async (env: NodeJS.ProcessEnv) => {
    const port = await freePort();
    const app = await startGateway(GatewayConfig.fromEnv({ PORT: String(port), LOG_LEVEL: 'info', ...env }), {
      logDestination: logs,
    });
    return { app, url: `http://127.0.0.1:${port}` };
  };

  beforeAll(async () => {
    upstream = await startUpstream();
    ({ app: gateway, url } = await start({ SCHEDULING_PUBLIC_URL: upstream.url }));
  });

  afterAll(async () => {
    await gateway?.close();
    await new Promise((resolve) => upstream?.server.close(resolve));
  });

  beforeEach(() => (upstream.seen.length = 0));

  it('forwards a public page with its path and query; the client address, not what the client claims, is X-Forwarded-For', async () => {
    const response = await fetch(`${url}/public/s-1/motifs?from=2026-12-01`, {
      headers: {
        'x-forwarded-for': '203.0.113.9',
        authorization: 'Bearer platform-token',
        cookie: 'session=abc',
        'x-msp-user-context': 'forged',
        'accept-language': 'fr',
      },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ motifs: [] });
    expect(response.headers.get('keep-alive')).not.toContain('77');
    expect(response.headers.get('x-upstream-only')).toBeNull();

    expect(upstream.seen).toHaveLength(1);
    const [seen] = upstream.seen;
    expect(seen.url).toBe('/public/s-1/motifs?from=2026-12-01');
    expect(seen.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen.headers['accept-language']).toBe('fr');
    for (const header of ['authorization', 'cookie', 'x-msp-user-context'])
      expect(seen.headers[header]).toBeUndefined();
  });

  it('forwards an online booking with its JSON body, and the upstream status', async () => {
    const booking = { motifId: 'm-1', startsAt: '2026-12-01T09:00:00Z', patient: { lastName: 'Martin' } };
    const response = await fetch(`${url}/public/s-1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(booking),
    });
    expect(response.status).toBe(202);
    expect(upstream.seen[0]).toMatchObject({ method: 'POST', url: '/public/s-1/bookings' });
    expect(JSON.parse(upstream.seen[0].body)).toEqual(booking);
  });

  it('serves a calendar feed, and its token reaches no log line of the gateway', async () => {
    const token = 'gatewayFeedToken_0123456789abcdefghijklmnopq';
    const response = await fetch(`${url}/ical/${token}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(await response.text()).toContain('BEGIN:VCALENDAR');
    expect(upstream.seen[0].url).toBe(`/ical/${token}.ics`);
    expect(logs.raw.join('\n')).not.toContain(token.slice(0, 16));
    expect(logs.raw.join('\n')).toContain('/ical/[redacted]');
  });

  it('never forwards dot segments', async () => {
    // Sent as written (a path, not a URL): fetch() and URL parsing would resolve them before sending.
    const status = (path: string) =>
      new Promise<number>((resolve, reject) =>
        get({ host: '127.0.0.1', port: new URL(url).port, path }, (res) => resolve(res.resume().statusCode ?? 0)).on(
          'error',
          reject,
        ),
      );
    for (const path of ['/public/../graphql', '/public/%2e%2e/graphql', '/ical/%2E%2E/%2e%2e/metrics', '/ical/./x'])
      expect(await status(path)).toBe(404);
    expect(upstream.seen).toEqual([]);
  });

  it('answers a retryable 503 when the public listener is down, and 404 when none is configured', async () => {
    const down = await start({ SCHEDULING_PUBLIC_URL: `http://127.0.0.1:${await freePort()}` });
    const none = await start({});
    try {
      const response = await fetch(`${down.url}/public/s-1/motifs`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ code: 'UNAVAILABLE', retryable: true });
      expect((await fetch(`${none.url}/ical/x.ics`)).status).toBe(404);
    } finally {
      await down.app.close();
      await none.app.close();
    }
  });
});

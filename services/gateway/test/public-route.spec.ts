import { createHmac } from 'node:crypto';
import { createServer, get, request, type IncomingHttpHeaders, type Server } from 'node:http';
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
  /** What a webhook receiver checks: an HMAC over the bytes that reached it. */
  bodyHmac: string;
}

const WEBHOOK_SECRET = 'whsec-test';
const hmacOf = (bytes: Buffer | string) => createHmac('sha256', WEBHOOK_SECRET).update(bytes).digest('hex');

/** Stands in for a service's public listener (scheduling's, call-routing's): records what reaches it and answers. */
async function startUpstream(): Promise<{ server: Server; url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: body.toString(),
        bodyHmac: hmacOf(body),
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

/** A POST as a client writes it (fetch() would replace Host): one write per part, chunked without a content-length. */
function post(target: string, parts: string[], headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(target, { method: 'POST', headers }, (res) => resolve(res.resume().statusCode ?? 0));
    outgoing.on('error', reject);
    for (const part of parts) outgoing.write(part);
    outgoing.end();
  });
}

describe("the gateway's public routes to the services' public listeners (/public, /ical, /telephony)", () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let telephony: Awaited<ReturnType<typeof startUpstream>>;
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
    telephony = await startUpstream();
    ({ app: gateway, url } = await start({
      SCHEDULING_PUBLIC_URL: upstream.url,
      CALL_ROUTING_PUBLIC_URL: telephony.url,
    }));
  });

  afterAll(async () => {
    await gateway?.close();
    await new Promise((resolve) => upstream?.server.close(resolve));
    await new Promise((resolve) => telephony?.server.close(resolve));
  });

  beforeEach(() => {
    upstream.seen.length = 0;
    telephony.seen.length = 0;
  });

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

  it('forwards an online booking with its JSON body as sent, and the upstream status', async () => {
    const booking = '{ "motifId": "m-1", "startsAt": "2026-12-01T09:00:00Z", "patient": { "lastName": "Martin" } }';
    const response = await fetch(`${url}/public/s-1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: booking,
    });
    expect(response.status).toBe(202);
    expect(upstream.seen[0]).toMatchObject({ method: 'POST', url: '/public/s-1/bookings', body: booking });
    expect(telephony.seen).toEqual([]);
  });

  it("forwards a telephony webhook's JSON body byte for byte, with its signature, to call-routing's listener", async () => {
    // Spacing, key order, 1.0 and escapes all change if the JSON is parsed and serialised again.
    const body = '{"event":"call.started",  "callId":"c-1","from":"+33612345678","n":1.0,"note":"\u00e9t\u00e9 ✓"}\n';
    const signature = `t=1767225600,v1=${hmacOf(`1767225600.${body}`)}`;
    const response = await fetch(`${url}/telephony/webhooks/calls?line=l-1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'x-msp-signature': signature },
      body,
    });
    expect(response.status).toBe(202);
    expect(upstream.seen).toEqual([]);
    expect(telephony.seen).toHaveLength(1);
    const [seen] = telephony.seen;
    expect(seen).toMatchObject({ method: 'POST', url: '/telephony/webhooks/calls?line=l-1' });
    expect(seen.bodyHmac).toBe(hmacOf(body));
    expect(seen.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(seen.headers['x-msp-signature']).toBe(signature);
  });

  it("forwards Twilio's form-encoded webhook as sent, with X-Twilio-Signature and the public host and scheme", async () => {
    // Twilio's parameter order, `+` for spaces and percent-encoding: the receiver checks the signature on these values.
    const body =
      'CallSid=CA0123&From=%2B33612345678&To=%2B33299000000&SpeechResult=je+voudrais+un+rendez-vous&Digits=1';
    const status = await post(`${url}/telephony/twilio/voice`, [body], {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      'x-twilio-signature': 'c2lnbmVkLWJ5LXR3aWxpbw==',
      // as Twilio sends it, reaching the gateway under the platform's public name
      host: 'rdv.msp.example',
    });
    expect(status).toBe(202);
    const [seen] = telephony.seen;
    expect(seen.body).toBe(body);
    expect(seen.bodyHmac).toBe(hmacOf(body));
    expect(seen.headers).toMatchObject({
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      'x-twilio-signature': 'c2lnbmVkLWJ5LXR3aWxpbw==',
      'x-forwarded-proto': 'http',
      'x-forwarded-host': 'rdv.msp.example',
    });
  });

  it('forwards a chunked webhook body whole, with its length', async () => {
    const parts = ['{"event":"call.ended",', ' "callId":"c-2",', ' "durationSeconds":42}'];
    expect(await post(`${url}/telephony/webhooks/calls`, parts, { 'content-type': 'application/json' })).toBe(202);
    expect(telephony.seen[0].body).toBe(parts.join(''));
    expect(telephony.seen[0].headers['content-length']).toBe(String(parts.join('').length));
  });

  it("sends the telephony signature headers on /telephony only, and each route's body types only", async () => {
    const signatures = { 'x-twilio-signature': 'sig', 'x-msp-signature': 't=1,v1=00' };
    await fetch(`${url}/public/s-1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signatures },
      body: '{}',
    });
    expect(upstream.seen).toHaveLength(1);
    for (const header of Object.keys(signatures)) expect(upstream.seen[0].headers[header]).toBeUndefined();

    const form = await fetch(`${url}/public/s-1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'motifId=m-1',
    });
    expect(form.status).toBe(415);
    expect(await form.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    const text = await fetch(`${url}/telephony/webhooks/calls`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'call started',
    });
    expect(text.status).toBe(415);
    expect(await text.json()).toMatchObject({
      message: 'The request body must be application/json or application/x-www-form-urlencoded',
    });
    expect(upstream.seen).toHaveLength(1);
    expect(telephony.seen).toEqual([]);
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
    for (const path of [
      '/public/../graphql',
      '/public/%2e%2e/graphql',
      '/ical/%2E%2E/%2e%2e/metrics',
      '/ical/./x',
      '/telephony/../metrics',
    ])
      expect(await status(path)).toBe(404);
    expect(upstream.seen).toEqual([]);
  });

  it('answers a retryable 503 naming the service whose public listener is down', async () => {
    const down = await start({
      SCHEDULING_PUBLIC_URL: `http://127.0.0.1:${await freePort()}`,
      CALL_ROUTING_PUBLIC_URL: `http://127.0.0.1:${await freePort()}`,
    });
    try {
      const booking = await fetch(`${down.url}/public/s-1/motifs`);
      expect(booking.status).toBe(503);
      expect(await booking.json()).toMatchObject({
        code: 'UNAVAILABLE',
        message: 'The booking service is unavailable: try again in a moment',
        retryable: true,
      });
      const webhook = await fetch(`${down.url}/telephony/twilio/voice`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'CallSid=CA1',
      });
      expect(webhook.status).toBe(503);
      expect(await webhook.json()).toMatchObject({
        code: 'UNAVAILABLE',
        message: 'The call routing service is unavailable: try again in a moment',
        retryable: true,
      });
    } finally {
      await down.app.close();
    }
  });

  it('answers 404 on the paths of a service whose public listener is not configured, and serves the others', async () => {
    const none = await start({});
    const schedulingOnly = await start({ SCHEDULING_PUBLIC_URL: upstream.url });
    try {
      expect((await fetch(`${none.url}/ical/x.ics`)).status).toBe(404);
      expect((await fetch(`${none.url}/telephony/twilio/voice`, { method: 'POST' })).status).toBe(404);
      expect((await fetch(`${schedulingOnly.url}/telephony/twilio/voice`, { method: 'POST' })).status).toBe(404);
      expect((await fetch(`${schedulingOnly.url}/public/s-1/motifs`)).status).toBe(200);
      expect(telephony.seen).toEqual([]);
    } finally {
      await none.app.close();
      await schedulingOnly.app.close();
    }
  });
});

import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Logger } from '@nestjs/common';
import { CORRELATION_ID_HEADER, redactSecretPaths } from '@msp/observability';

/** Request headers a patient's browser or calendar app needs to send; nothing else reaches the public listener. */
const FORWARDED_REQUEST_HEADERS = [
  'accept',
  'accept-language',
  'content-type',
  'if-none-match',
  'if-modified-since',
  'user-agent',
  CORRELATION_ID_HEADER,
];

/** Hop-by-hop headers (RFC 9110 §7.6.1) are the connection's, not the answer's. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** `..` or `.` segments, raw or percent-encoded: never forwarded, whatever the upstream would make of them. */
const DOT_SEGMENT = /(^|\/)(\.|%2e){1,2}(\/|$)/i;

type ProxiedRequest = IncomingMessage & { originalUrl?: string; ip?: string; body?: unknown };

export interface PublicProxyOptions {
  /** Base URL of scheduling's public listener, e.g. `http://127.0.0.1:4112`. */
  upstream: string;
  /** An upstream that does not answer within this is a 503 (a calendar app retries). */
  timeoutMs: number;
  logger: Logger;
}

/**
 * A small streaming reverse proxy for the public surface (`/public/*`, `/ical/*`): the path and query go unchanged to
 * scheduling's public listener with an allow-list of request headers and `X-Forwarded-For` set to the client's
 * address (which the upstream's per-address rate limit keys on); the answer streams back without hop-by-hop headers.
 */
export function publicProxy(options: PublicProxyOptions) {
  const upstream = new URL(options.upstream);
  const send = upstream.protocol === 'https:' ? httpsRequest : httpRequest;

  return (req: ProxiedRequest, res: ServerResponse): void => {
    const path = req.originalUrl ?? req.url ?? '/';
    if (DOT_SEGMENT.test(path.split('?')[0])) return answer(res, 404, { code: 'NOT_FOUND', message: 'Not found' });
    const { headers, body } = forwardedRequest(req);
    const outgoing = send(
      {
        protocol: upstream.protocol,
        hostname: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: `${upstream.pathname.replace(/\/$/, '')}${path}`,
        headers,
        timeout: options.timeoutMs,
      },
      (incoming) => {
        res.writeHead(incoming.statusCode ?? 502, withoutHopByHop(incoming.headers));
        incoming.pipe(res);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    outgoing.on('error', (error) => {
      options.logger.warn({ msg: 'public upstream unavailable', path: redactSecretPaths(path), error: error.message });
      if (res.headersSent) return void res.destroy();
      answer(res, 503, {
        code: 'UNAVAILABLE',
        message: 'The booking service is unavailable: try again in a moment',
        retryable: true,
      });
    });
    if (body === undefined) req.pipe(outgoing);
    else outgoing.end(body);
  };
}

function forwardedRequest(req: ProxiedRequest): { headers: Record<string, string>; body?: Buffer } {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  // The gateway is the edge: what the client says in X-Forwarded-For is not kept (else anyone could pick their key).
  headers['x-forwarded-for'] = req.ip ?? req.socket.remoteAddress ?? '';
  headers['x-forwarded-proto'] = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
  if (req.headers.host) headers['x-forwarded-host'] = req.headers.host;
  // The gateway's JSON body parser has already read the stream: send what it parsed (the public API speaks JSON only).
  if (req.body !== undefined && typeof req.body === 'object' && req.body !== null) {
    const body = Buffer.from(JSON.stringify(req.body));
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(body.length);
    return { headers, body };
  }
  if (req.headers['content-length']) headers['content-length'] = req.headers['content-length'];
  else if (req.headers['transfer-encoding']) headers['transfer-encoding'] = 'chunked';
  return { headers };
}

function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const listed = String(headers.connection ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase());
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name) && !listed.includes(name)),
  );
}

function answer(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

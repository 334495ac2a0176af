import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Logger } from '@nestjs/common';
import { CORRELATION_ID_HEADER, redactSecretPaths } from '@msp/observability';
import type { PublicRoute } from './public-routes';

/** Request headers every public route forwards (a browser's, a calendar app's); a route may add its own. */
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

/** `rawBody`: the bytes Nest's JSON and form parsers read (the application is created with `rawBody: true`). */
type ProxiedRequest = IncomingMessage & { originalUrl?: string; ip?: string; rawBody?: Buffer };

export interface PublicProxyOptions {
  /** The paths' share of the public surface: which headers and bodies may reach the service. */
  route: Pick<PublicRoute, 'described' | 'headers' | 'bodyTypes'>;
  /** Base URL of the service's public listener, e.g. `http://127.0.0.1:4112`. */
  upstream: string;
  /** An upstream that does not answer within this is a 503 (a calendar app or a telephony platform retries). */
  timeoutMs: number;
  logger: Logger;
}

/**
 * A small streaming reverse proxy for the public surface: the path and query go unchanged to a service's public
 * listener with an allow-list of request headers and `X-Forwarded-For` set to the client's address (which the
 * upstream's per-address rate limit keys on); a body goes as the client sent it, byte for byte, since webhook
 * signatures cover the exact bytes; the answer streams back without hop-by-hop headers.
 */
export function publicProxy(options: PublicProxyOptions) {
  const { route } = options;
  const upstream = new URL(options.upstream);
  const send = upstream.protocol === 'https:' ? httpsRequest : httpRequest;
  const allowedHeaders = [...FORWARDED_REQUEST_HEADERS, ...route.headers];

  return (req: ProxiedRequest, res: ServerResponse): void => {
    const path = req.originalUrl ?? req.url ?? '/';
    if (DOT_SEGMENT.test(path.split('?')[0])) return answer(res, 404, { code: 'NOT_FOUND', message: 'Not found' });
    if (hasBody(req) && !route.bodyTypes.includes(mediaType(req))) {
      return answer(res, 415, {
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: `The request body must be ${route.bodyTypes.join(' or ')}`,
      });
    }
    const headers = forwardedHeaders(req, allowedHeaders);
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
        message: `The ${route.described} is unavailable: try again in a moment`,
        retryable: true,
      });
    });
    // The gateway's body parsers have read the stream of a JSON or form body: what they read goes, not what they parsed.
    if (req.rawBody) outgoing.end(req.rawBody);
    else req.pipe(outgoing);
  };
}

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

function forwardedHeaders(req: ProxiedRequest, allowed: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of allowed) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  // The gateway is the edge: what the client says in X-Forwarded-For is not kept (else anyone could pick their key).
  headers['x-forwarded-for'] = req.ip ?? req.socket.remoteAddress ?? '';
  headers['x-forwarded-proto'] = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
  if (req.headers.host) headers['x-forwarded-host'] = req.headers.host;
  // A chunked or compressed body was read whole and inflated by the parser: its length is now known.
  if (req.rawBody) headers['content-length'] = String(req.rawBody.length);
  else if (req.headers['content-length']) headers['content-length'] = req.headers['content-length'];
  else if (req.headers['transfer-encoding']) headers['transfer-encoding'] = 'chunked';
  return headers;
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

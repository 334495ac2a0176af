import { IncomingMessage, ServerResponse } from 'node:http';
import { Options } from 'pino-http';
import pino from 'pino';
import { assignCorrelationId } from './correlation-id';
import { LogSettings } from './log-settings';

type SerializedRequest = { method?: string; url?: string; headers?: Record<string, unknown> };

const QUIET_PATHS = ['/health/', '/metrics'];

/**
 * Path segments that are secrets by themselves: a capability URL grants access to whoever holds it, so it must never
 * reach a log. `/ical/<token>.ics` is a practitioner's calendar feed (scheduling, and the gateway's public route in
 * front of it); `/public/waitlist-offers/<token>` answers a waiting patient's offer (scheduling). A new capability URL adds its pattern here; each keeps the prefix and replaces the secret segment.
 */
export const SECRET_PATH_SEGMENTS: readonly RegExp[] = [
  /(\/ical\/)[^/?#\s"']+/gi,
  /(\/public\/waitlist-offers\/)[^/?#\s"']+/gi,
];

/** The text with every secret path segment replaced: `/ical/[redacted]`. */
export function redactSecretPaths(text: string): string {
  return SECRET_PATH_SEGMENTS.reduce((redacted, pattern) => redacted.replace(pattern, '$1[redacted]'), text);
}

/**
 * pino-http settings shared by every service. Request bodies and query strings are never logged: a patient's identity
 * must not reach the logs, and GraphQL variables or search parameters may carry it.
 */
export function pinoHttpOptions(serviceName: string, settings: LogSettings): Options {
  return {
    level: settings.level,
    base: { service: serviceName },
    timestamp: pino.stdTimeFunctions.isoTime,
    genReqId: assignCorrelationId,
    // Lines logged while serving a request carry only the correlation id; the full request goes on the completion line.
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'correlationId' },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers["proxy-authorization"]',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
      ],
      censor: '[redacted]',
    },
    // Headers are listed, not dumped: tokens and the gateway-signed user context must never reach a log.
    serializers: {
      req: (req: SerializedRequest) => ({
        method: req.method,
        url: req.url === undefined ? undefined : redactSecretPaths(req.url.split('?')[0]),
        userAgent: req.headers?.['user-agent'],
        contentLength: req.headers?.['content-length'],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: requestLogLevel,
    // Probes and scrapes arrive every few seconds; logging each would drown the lines that matter.
    autoLogging: { ignore: (req) => QUIET_PATHS.some((p) => pathOf(req).startsWith(p)) },
  };
}

function pathOf(req: IncomingMessage & { originalUrl?: string }): string {
  return req.originalUrl ?? req.url ?? '';
}

/**
 * A failed request is an error only when it was unexpected. Refusals (4xx) are routine, and a 503 is the platform's
 * deliberate answer to an outage of a database or dependency (libs/errors), already explained by the service's warning.
 */
export function requestLogLevel(_req: IncomingMessage, res: ServerResponse, error?: Error): 'info' | 'warn' | 'error' {
  if (error || (res.statusCode >= 500 && res.statusCode !== 503)) return 'error';
  return res.statusCode >= 400 ? 'warn' : 'info';
}

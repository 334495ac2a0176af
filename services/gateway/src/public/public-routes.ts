import type { PublicUpstreamVariable } from '../config/gateway.config';

/** One service's share of the public surface: the path prefixes its public listener serves and what may reach it. */
export interface PublicRoute {
  /** The variable holding the public listener's base URL; unset, these paths are not mounted (404). */
  readonly upstream: PublicUpstreamVariable;
  /** Path prefixes forwarded unchanged, query included. */
  readonly paths: readonly string[];
  /** Names the service in the 503 answered while its listener is down. */
  readonly described: string;
  /** Request headers this service needs beyond the ones every public route forwards. */
  readonly headers: readonly string[];
  /** Media types a request body may have; another is refused (415) before reaching the service. */
  readonly bodyTypes: readonly string[];
}

/**
 * The platform's public surface. The launcher hands the gateway each variable (`publicListener.upstreamVariable` in
 * `deploy/local/src/services.ts`); the paths a service serves are listed here, next to what the gateway lets through.
 */
export const PUBLIC_ROUTES: readonly PublicRoute[] = [
  {
    upstream: 'SCHEDULING_PUBLIC_URL',
    // online booking and calendar feeds
    paths: ['/public', '/ical'],
    described: 'booking service',
    headers: [],
    bodyTypes: ['application/json'],
  },
  {
    upstream: 'CALL_ROUTING_PUBLIC_URL',
    // the telephony platform's webhooks: Twilio posts forms, the provider-neutral webhook JSON
    paths: ['/telephony'],
    described: 'call routing service',
    // Twilio's signature over the public URL and the form's parameters; ours over the timestamp and the raw body.
    headers: ['x-twilio-signature', 'x-msp-signature'],
    bodyTypes: ['application/json', 'application/x-www-form-urlencoded'],
  },
];

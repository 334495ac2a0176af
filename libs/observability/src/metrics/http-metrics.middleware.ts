import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import { IncomingMessage, ServerResponse } from 'node:http';
import { OBSERVABILITY_OPTIONS, ObservabilityOptions } from '../observability-options';
import { httpRequestDuration } from './http-request-duration';

/** What Express adds to the request that the route label is made of. */
type RoutedRequest = IncomingMessage & { originalUrl?: string; route?: { path?: unknown } };

/** The pattern Nest mounts global middleware on: `{/*splat}` since Nest 12, `{*path}`, `*` or `(.*)` before. */
const CATCH_ALL = /^\/?(\{\/?\*\w+\}|\*\w*|\(\.\*\))$/;

export const DEFAULT_MOUNTED_PATHS = ['/graphql'];

/**
 * Times every HTTP request, including those Nest's interceptors never see (Apollo's middleware, 404s, body-parser
 * errors). The route label is the matched pattern (`/members/:id`), never the raw URL, so ids cannot explode cardinality.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  private readonly histogram = httpRequestDuration();
  private readonly mountedPaths: readonly string[];

  constructor(@Inject(OBSERVABILITY_OPTIONS) options: ObservabilityOptions) {
    this.mountedPaths = options.mountedPaths ?? DEFAULT_MOUNTED_PATHS;
  }

  use(req: RoutedRequest, res: ServerResponse, next: () => void): void {
    const stopTimer = this.histogram.startTimer();
    let recorded = false;
    const record = (): void => {
      if (recorded) return;
      recorded = true;
      stopTimer({ method: req.method ?? 'UNKNOWN', route: this.routeOf(req), status_code: String(res.statusCode) });
    };
    res.once('finish', record);
    res.once('close', record);
    next();
  }

  private routeOf(req: RoutedRequest): string {
    // Express leaves on req.route the last route layer that matched. Nest registers global middleware as a catch-all
    // route, so a catch-all pattern means no controller route matched (a 404, or a handler mounted outside Nest).
    const pattern = req.route?.path;
    if (typeof pattern === 'string' && !CATCH_ALL.test(pattern)) return pattern;
    const path = (req.originalUrl ?? req.url ?? '').split('?')[0];
    for (const mount of this.mountedPaths) if (path === mount || path.startsWith(`${mount}/`)) return mount;
    return 'unmatched';
  }
}

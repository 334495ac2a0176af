import { Histogram, register } from 'prom-client';

export type HttpRequestLabel = 'method' | 'route' | 'status_code';

export const HTTP_REQUEST_DURATION = 'http_request_duration_seconds';

/** The request-duration histogram on the shared registry, created by whichever application asks first. */
export function httpRequestDuration(): Histogram<HttpRequestLabel> {
  const existing = register.getSingleMetric(HTTP_REQUEST_DURATION);
  if (existing instanceof Histogram) return existing as Histogram<HttpRequestLabel>;
  return new Histogram<HttpRequestLabel>({
    name: HTTP_REQUEST_DURATION,
    help: 'Duration of HTTP requests in seconds, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'],
    registers: [register],
  });
}

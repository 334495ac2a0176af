import { collectDefaultMetrics, register } from 'prom-client';

/**
 * Registers Node's default metrics on the shared registry once per process: several Nest applications may start in one
 * process (tests, the local launcher) and prom-client throws on a second registration.
 */
export function collectDefaultMetricsOnce(): void {
  if (register.getSingleMetric('process_cpu_user_seconds_total')) return;
  collectDefaultMetrics({ register });
}

import { outageOf } from '@msp/errors';

/**
 * PostgreSQL SQLSTATEs that say "try the same work again" rather than "this work is wrong": serialization failure
 * (40001) and deadlock (40P01), which a concurrent transaction causes and a retry resolves.
 */
const RETRY_SQLSTATES = new Set(['40001', '40P01']);

/**
 * True when an error thrown while applying an event says a dependency is down or contended — connection refused or
 * reset, timeouts, PostgreSQL shutting down or unreachable (57P0x, 08xxx), serialization failures, deadlocks — rather
 * than that the event itself cannot be applied. Such an event is retried until the dependency is back, never
 * dead-lettered.
 */
export function isInfrastructureFailure(error: unknown): boolean {
  if (outageOf(error)) return true;
  const seen = new Set<unknown>();
  for (let current = error; typeof current === 'object' && current !== null && !seen.has(current);) {
    seen.add(current);
    const { code, driverError, cause } = current as { code?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof code === 'string' && RETRY_SQLSTATES.has(code)) return true;
    current = driverError ?? cause;
  }
  return false;
}

import { outageOf } from '@msp/errors';
import { concurrencyFailureOf } from '@msp/persistence';

/**
 * True when an error thrown while applying an event says a dependency is down or contended — connection refused or
 * reset, timeouts, PostgreSQL shutting down or unreachable (57P0x, 08xxx), serialization failures and deadlocks that
 * outlasted `inTransaction`'s own retries — rather than that the event itself cannot be applied. Such an event is
 * retried until the dependency is back, never dead-lettered.
 */
export function isInfrastructureFailure(error: unknown): boolean {
  return outageOf(error) !== undefined || concurrencyFailureOf(error) !== undefined;
}

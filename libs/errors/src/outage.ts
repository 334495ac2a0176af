import { DomainError, unavailable } from './domain-error';

/** Socket failures: the other side is down, restarting or unreachable. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * PostgreSQL SQLSTATEs of an outage: class 08 (connection exception), 57P01–57P03 (admin or crash shutdown, cannot
 * connect now), 53300 (too many connections).
 */
function isOutageSqlState(code: string): boolean {
  return code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code);
}

/** node-postgres says these in words, without a code, when the server goes away or the pool cannot hand a client. */
const OUTAGE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Connection is not established/i,
];

/** kafkajs errors meaning the brokers cannot be reached or do not answer in time. */
const KAFKA_OUTAGES = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSLockTimeout',
]);

/**
 * When an error thrown by a driver or client (pg, TypeORM, kafkajs, fetch) means a database or dependency is down,
 * the retryable `unavailable` error to answer instead; undefined for anything else. Wrapped errors (`driverError`,
 * `cause`, `originalError`) are looked through.
 */
export function outageOf(error: unknown): DomainError | undefined {
  for (const candidate of causeChain(error)) {
    if (candidate instanceof DomainError) return candidate.kind === 'unavailable' ? candidate : undefined;
    const { code, name, message } = candidate as { code?: unknown; name?: unknown; message?: unknown };
    const outage =
      (typeof code === 'string' && (NETWORK_CODES.has(code) || isOutageSqlState(code))) ||
      (typeof name === 'string' && KAFKA_OUTAGES.has(name)) ||
      (typeof message === 'string' && OUTAGE_MESSAGES.some((pattern) => pattern.test(message)));
    if (outage)
      return unavailable(
        'PLATFORM.UNAVAILABLE',
        'The service cannot reach its database or a dependency right now; nothing was changed, please try again shortly',
        error,
      );
  }
  return undefined;
}

function* causeChain(error: unknown): Generator<object> {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && !seen.has(current) && seen.size < 8) {
    seen.add(current);
    yield current;
    const next = current as { driverError?: unknown; cause?: unknown; originalError?: unknown };
    current = next.driverError ?? next.cause ?? next.originalError;
  }
}

/**
 * PostgreSQL SQLSTATEs that blame the timing, not the work: serialization failure (40001) and deadlock (40P01). A
 * concurrent transaction caused them, PostgreSQL rolled this one back, and the same work run again resolves them.
 */
const CONCURRENCY_SQLSTATES = new Set(['40001', '40P01']);

/**
 * The SQLSTATE (40001 or 40P01) when `error` is a serialization failure or a deadlock, undefined otherwise. TypeORM
 * wraps the driver's error (`driverError`), and callers may wrap it again (`cause`): both are looked through.
 */
export function concurrencyFailureOf(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  for (let current = error; typeof current === 'object' && current !== null && !seen.has(current);) {
    seen.add(current);
    const { code, driverError, cause } = current as { code?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof code === 'string' && CONCURRENCY_SQLSTATES.has(code)) return code;
    current = driverError ?? cause;
  }
  return undefined;
}

import type { DomainError } from './domain-error';

/** How a domain error is logged, once, by whichever filter answers it: never with a stack, it is not a bug. */
export interface ErrorLogLine {
  /** Refusals are routine (info); an outage is worth a look (warn). Only unexpected errors are logged at error. */
  level: 'info' | 'warn';
  line: { msg: string; reason: string; field?: string; cause?: string };
}

export function errorLogOf(error: DomainError): ErrorLogLine {
  const line = { msg: `${error.kind}: ${error.message}`, reason: error.code, field: error.field };
  if (error.kind !== 'unavailable') return { level: 'info', line };
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return { level: 'warn', line: { ...line, cause } };
}

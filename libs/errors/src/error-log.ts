import { DomainError } from './domain-error';
import { outageOf } from './outage';

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

/**
 * What a filter answers in the platform's words: the domain error thrown, or the outage a driver's error stands for.
 * Undefined means unexpected: the filter logs it with its stack and answers an internal error.
 */
export function knownFailureOf(exception: unknown): DomainError | undefined {
  return exception instanceof DomainError ? exception : outageOf(exception);
}

/** The part of a logger the filters use (Nest's `Logger` fits). */
export interface LevelledLogger {
  log(message: object): void;
  warn(message: object): void;
}

/** Logs a known failure once, at its level, with what the surface adds (the GraphQL operation…). */
export function logKnownFailure(logger: LevelledLogger, error: DomainError, extra: object = {}): void {
  const { level, line } = errorLogOf(error);
  if (level === 'info') logger.log({ ...line, ...extra });
  else logger.warn({ ...line, ...extra });
}

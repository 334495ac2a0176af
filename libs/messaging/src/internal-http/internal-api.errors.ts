import { DomainError, type ErrorBody, type ErrorKind } from '@msp/errors';

/** What a failed internal call tells its caller; every caller has a degraded path for the first two. */
export type InternalCallFailure = 'timeout' | 'unavailable' | 'rejected';

/**
 * A failed internal call, as a domain error: should the caller let it through, it is answered by its kind (a timeout
 * or an unreachable service is a retryable UNAVAILABLE) instead of an internal error.
 */
export abstract class InternalCallError extends DomainError {
  abstract readonly failure: InternalCallFailure;
}

/** The answer did not come in time; the caller degrades (take a message, plan without proposals…). */
export class InternalTimeoutError extends InternalCallError {
  readonly failure = 'timeout';
  constructor(target: string, path: string, timeoutMs: number) {
    super('unavailable', 'INTERNAL.TIMEOUT', `${target} did not answer ${path} within ${timeoutMs} ms`);
  }
}

/** The service could not be reached or failed internally (5xx). */
export class InternalUnavailableError extends InternalCallError {
  readonly failure = 'unavailable';
  constructor(target: string, path: string, reason: string) {
    super('unavailable', 'INTERNAL.UNAVAILABLE', `${target} is unavailable for ${path}: ${reason}`);
  }
}

/** The service answered and refused: a business or input error with its code and, when it applies, the field. */
export class InternalRejectedError extends InternalCallError {
  readonly failure = 'rejected';
  constructor(
    readonly status: number,
    code: string,
    message: string,
    field?: string,
  ) {
    super(kindOfStatus(status), code, message, field);
  }
}

/** A refusal keeps its meaning; any other status (token refused, rate limited) means the service cannot serve us now. */
function kindOfStatus(status: number): ErrorKind {
  if (status === 400 || status === 422) return 'invalid';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  return 'unavailable';
}

/** Body of every internal error response. */
export type InternalErrorBody = ErrorBody;

/**
 * Thrown by internal endpoints for answers outside the domain vocabulary (a refused service token: 401). Refusals of
 * the domain are thrown as domain errors and answered by kind.
 */
export class InternalApiException extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'InternalApiException';
  }
}

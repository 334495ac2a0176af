/** What a failed internal call tells its caller; every caller has a degraded path for the first two. */
export type InternalCallFailure = 'timeout' | 'unavailable' | 'rejected';

export abstract class InternalCallError extends Error {
  abstract readonly failure: InternalCallFailure;
}

/** The answer did not come in time; the caller degrades (take a message, plan without proposals…). */
export class InternalTimeoutError extends InternalCallError {
  readonly failure = 'timeout';
  constructor(target: string, path: string, timeoutMs: number) {
    super(`${target} did not answer ${path} within ${timeoutMs} ms`);
    this.name = 'InternalTimeoutError';
  }
}

/** The service could not be reached or failed internally (5xx). */
export class InternalUnavailableError extends InternalCallError {
  readonly failure = 'unavailable';
  constructor(target: string, path: string, reason: string) {
    super(`${target} is unavailable for ${path}: ${reason}`);
    this.name = 'InternalUnavailableError';
  }
}

/** The service answered and refused: a business or input error with its code and, when it applies, the field. */
export class InternalRejectedError extends InternalCallError {
  readonly failure = 'rejected';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'InternalRejectedError';
  }
}

/** Body of every internal error response. */
export interface InternalErrorBody {
  code: string;
  message: string;
  field?: string;
}

/** Thrown by internal endpoints to answer a typed refusal (4xx) instead of a 500. */
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

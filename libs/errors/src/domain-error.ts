/**
 * The five ways the platform refuses or fails an operation. Each maps to one GraphQL code and one HTTP status
 * (`error-mappings.ts`); a service's own `code` says more (`SCHEDULING.SLOT_TAKEN`), the kind says how to answer.
 */
export const ERROR_KINDS = ['invalid', 'not_found', 'forbidden', 'conflict', 'unavailable'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/**
 * A refusal or an outage the caller can be told about: a stable `code` (`<SERVICE>.<REASON>`), a `kind`, a message
 * written for the caller and, when known, the input `field` at fault as the client named it (`input.startsAt`).
 * Anything else thrown is unexpected: it is logged with its stack and answered as an internal error.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly field?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }

  /** Only an outage is worth retrying unchanged; a refusal answers the same until the input or the data changes. */
  get retryable(): boolean {
    return this.kind === 'unavailable';
  }
}

/** The input is wrong: names the field and the reason (`input.phone: "12" is not a valid phone number`). */
export function invalidInput(code: string, field: string, reason: string): DomainError {
  return new DomainError('invalid', code, `${field}: ${reason}`, field);
}

/**
 * Nothing the caller may see answers to this id. Also what a caller gets for another structure's object, so that
 * "exists elsewhere" cannot be told from "does not exist".
 */
export function notFound(code: string, what: string, field?: string): DomainError {
  return new DomainError('not_found', code, field ? `${field}: ${what} not found` : `${what} not found`, field);
}

/** The caller is known and sees the object, but their role does not allow this. */
export function forbidden(code: string, message = 'You are not allowed to do this'): DomainError {
  return new DomainError('forbidden', code, message);
}

/** The request is valid but the current state refuses it (slot taken, duplicate, wrong status). */
export function conflict(code: string, message: string, field?: string): DomainError {
  return new DomainError('conflict', code, message, field);
}

/** A database or a dependency is down or too slow: nothing was done, the same request may succeed shortly. */
export function unavailable(code: string, message: string, cause?: unknown): DomainError {
  return new DomainError('unavailable', code, message, undefined, { cause });
}

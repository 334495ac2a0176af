import type { DomainError, ErrorKind } from './domain-error';

/** The generic GraphQL `extensions.code` of each kind; clients switch on these, and on `reason` for the detail. */
export type GraphQLErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'UNAVAILABLE';

export function graphQLCodeOf(kind: ErrorKind): GraphQLErrorCode {
  switch (kind) {
    case 'invalid':
      return 'BAD_USER_INPUT';
    case 'not_found':
      return 'NOT_FOUND';
    case 'forbidden':
      return 'FORBIDDEN';
    case 'conflict':
      return 'CONFLICT';
    case 'unavailable':
      return 'UNAVAILABLE';
    default:
      return unknownKind(kind);
  }
}

export function httpStatusOf(kind: ErrorKind): number {
  switch (kind) {
    case 'invalid':
      return 400;
    case 'not_found':
      return 404;
    case 'forbidden':
      return 403;
    case 'conflict':
      return 409;
    case 'unavailable':
      return 503;
    default:
      return unknownKind(kind);
  }
}

/** What a GraphQL error carries for a domain error: the generic code, the service's reason, the field, retryable. */
export interface DomainErrorExtensions {
  [key: string]: unknown;
  code: GraphQLErrorCode;
  reason: string;
  field?: string;
  retryable?: true;
}

export function graphQLExtensionsOf(error: DomainError): DomainErrorExtensions {
  return {
    code: graphQLCodeOf(error.kind),
    reason: error.code,
    ...(error.field ? { field: error.field } : {}),
    ...(error.retryable ? { retryable: true as const } : {}),
  };
}

/** Body of an HTTP error answer (internal and public APIs). */
export interface ErrorBody {
  code: string;
  message: string;
  field?: string;
  retryable?: true;
}

export function httpAnswerOf(error: DomainError): { status: number; body: ErrorBody } {
  return {
    status: httpStatusOf(error.kind),
    body: {
      code: error.code,
      message: error.message,
      ...(error.field ? { field: error.field } : {}),
      ...(error.retryable ? { retryable: true as const } : {}),
    },
  };
}

/** The compiler proves every kind is handled above; this only runs if a value escaped the type system. */
function unknownKind(kind: never): never {
  throw new Error(`Unknown error kind: ${String(kind)}`);
}

import { ApolloServerErrorCode } from '@apollo/server/errors';

/**
 * Codes whose message was written for the caller and passes the gateway as is. Domain codes (`SCHEDULING.SLOT_TAKEN`,
 * any code with a dot) pass too. Everything else is masked.
 */
const CLIENT_FACING = new Set<string>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  // Apollo's own refusals of a malformed HTTP request or operation selection.
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
]);

/** Extensions a client-facing error keeps; anything else (stack traces, service names, internals) is dropped. */
export const CLIENT_EXTENSIONS = ['code', 'reason', 'field'] as const;

export function isClientFacingCode(code: unknown): code is string {
  return typeof code === 'string' && (CLIENT_FACING.has(code) || code.includes('.'));
}

import { GraphQLError } from 'graphql';

/** A dependency the gateway needs to admit the caller is not answering; the caller may retry shortly. */
export class ServiceUnavailableError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } } });
  }
}

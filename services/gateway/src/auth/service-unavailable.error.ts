import { graphQLCodeOf } from '@msp/errors';
import { GraphQLError } from 'graphql';

/**
 * A dependency the gateway needs to admit the caller is not answering: the platform's outage answer (libs/errors),
 * UNAVAILABLE and retryable, with HTTP 503 since no operation ran.
 */
export class ServiceUnavailableError extends GraphQLError {
  constructor(message: string) {
    super(message, {
      extensions: {
        code: graphQLCodeOf('unavailable'),
        reason: 'GATEWAY.UNAVAILABLE',
        retryable: true,
        http: { status: 503 },
      },
    });
  }
}

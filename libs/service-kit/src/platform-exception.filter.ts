import { type ArgumentsHost, Catch, Inject, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';
import { graphQLExtensionsOf, httpAnswerOf, knownFailureOf, logKnownFailure } from '@msp/errors';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { throwError } from 'rxjs';

export const PLATFORM_SERVICE_NAME = Symbol('PLATFORM_SERVICE_NAME');

/**
 * The one place a service's failures become answers, registered for every subgraph by `PlatformSubgraphModule`.
 * A domain error (refusal or outage) is answered by its kind — GraphQL `{ code, reason, field?, retryable? }`, or its
 * HTTP status — and logged once, without a stack: refusals at info, outages at warn. A database or dependency outage
 * thrown by a driver is answered as a retryable UNAVAILABLE. Only the unexpected is logged as an error with its stack.
 * Routes with their own filter (internal API, public API) keep it: Nest picks the closest filter.
 */
@Catch()
export class PlatformExceptionFilter extends BaseExceptionFilter {
  private readonly logger: Logger;

  constructor(@Inject(PLATFORM_SERVICE_NAME) serviceName: string) {
    super();
    this.logger = new Logger(`${serviceName}.errors`);
  }

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    // Kafka consumers (rpc) keep their own retries and dead letters: the failure goes back to them untouched.
    if (host.getType<GqlContextType>() === 'rpc') return throwError(() => exception);
    const error = knownFailureOf(exception);
    const graphql = host.getType<GqlContextType>() === 'graphql';
    if (error) {
      logKnownFailure(this.logger, error, { operation: graphql ? operationOf(host) : undefined });
      if (graphql) return new GraphQLError(error.message, { extensions: graphQLExtensionsOf(error) });
      const { status, body } = httpAnswerOf(error);
      host.switchToHttp().getResponse<Response>().status(status).json(body);
      return undefined;
    }
    if (!graphql) return super.catch(exception, host);
    if (!(exception instanceof GraphQLError)) {
      this.logger.error({ msg: 'unexpected error', operation: operationOf(host), err: exception });
    }
    // Errors already in GraphQL's words (UNAUTHENTICATED from the auth guard…) pass as they are.
    return exception;
  }
}

function operationOf(host: ArgumentsHost): string | undefined {
  const info = host.getArgByIndex(3) as { parentType?: { name?: string }; fieldName?: string } | undefined;
  return info?.fieldName ? `${info.parentType?.name ?? '?'}.${info.fieldName}` : undefined;
}

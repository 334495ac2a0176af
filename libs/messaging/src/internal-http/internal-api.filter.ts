import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { httpAnswerOf, knownFailureOf, logKnownFailure } from '@msp/errors';
import type { Response } from 'express';
import { InternalApiException, type InternalErrorBody } from './internal-api.errors';

/**
 * The one mapper of internal endpoints, for every service: domain errors answer their kind's status with
 * `{ code, message, field?, retryable? }` (an outage of the database or a dependency: 503, retryable); refusals are
 * logged once without a stack, and only the unexpected is logged as an error, never leaked.
 */
@Catch()
export class InternalApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('InternalApi');

  catch(exception: unknown, host: ArgumentsHost): void {
    const [status, body] = this.answer(exception);
    host.switchToHttp().getResponse<Response>().status(status).json(body);
  }

  private answer(exception: unknown): [number, InternalErrorBody] {
    if (exception instanceof InternalApiException) {
      const field = exception.field ? { field: exception.field } : {};
      return [exception.status, { code: exception.code, message: exception.message, ...field }];
    }
    const error = knownFailureOf(exception);
    if (error) {
      logKnownFailure(this.logger, error);
      const { status, body } = httpAnswerOf(error);
      return [status, body];
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return [status, { code: status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', message: exception.message }];
    }
    this.logger.error({ msg: 'unexpected error', err: exception });
    return [500, { code: 'INTERNAL', message: 'Internal error' }];
  }
}

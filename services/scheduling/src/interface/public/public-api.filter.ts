import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { type ErrorBody, httpAnswerOf, knownFailureOf, logKnownFailure } from '@msp/errors';
import type { Response } from 'express';
import { DirectoryUnavailableError } from '../../application/ports/directory-unavailable.error';

/** The public API names fields as the request does (`startsAt`, `patient.phone`), not as the internal `input.*`. */
const publicName = (text: string): string => text.replace(/\binput\./g, '');

/**
 * Public routes answer like every other surface (status by kind, `{ code, message, field?, retryable? }`, from
 * libs/errors), with differences for a patient's browser: fields are named as the request names them, the rate
 * limiter's refusal is a 429 in the same shape, and no error answer may be cached. Nothing internal leaks; unexpected
 * errors are logged.
 */
@Catch()
export class PublicApiFilter implements ExceptionFilter {
  private readonly logger = new Logger('PublicApi');

  catch(exception: unknown, host: ArgumentsHost): void {
    const [status, body] = this.answer(exception);
    // Nest sets a route's @Header before its handler runs: a refusal or an outage must not inherit the success's
    // freshness (a 503 kept a minute by the browser would outlive the outage).
    host.switchToHttp().getResponse<Response>().status(status).set('cache-control', 'no-store').json(body);
  }

  private answer(exception: unknown): [number, ErrorBody] {
    const error = knownFailureOf(exception);
    if (error) {
      logKnownFailure(this.logger, error);
      const { status, body } = httpAnswerOf(error);
      // Online booking names its own code for an unreachable directory, as its pages expect.
      const code = error instanceof DirectoryUnavailableError ? 'ONLINE.DIRECTORY_UNAVAILABLE' : body.code;
      return [
        status,
        { ...body, code, message: publicName(body.message), ...(body.field ? { field: publicName(body.field) } : {}) },
      ];
    }
    if (exception instanceof ThrottlerException)
      return [
        429,
        { code: 'RATE_LIMITED', message: 'Too many requests from this address: wait a little and try again' },
      ];
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return [status, { code: status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', message: exception.message }];
    }
    this.logger.error({ msg: 'unexpected error', err: exception });
    return [500, { code: 'INTERNAL', message: 'Internal error' }];
  }
}

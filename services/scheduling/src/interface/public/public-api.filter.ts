import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Response } from 'express';
import { OnlineBookingError } from '../../application/online-booking/online-booking.error';
import { DirectoryUnavailableError } from '../../application/ports/directory-unavailable.error';
import { SchedulingError, SchedulingErrorCode } from '../../domain/scheduling-error';

export interface PublicErrorBody {
  code: string;
  message: string;
  field?: string;
}

export function publicStatus(code: SchedulingErrorCode): number {
  switch (code) {
    case SchedulingErrorCode.InvalidInput:
      return 422;
    case SchedulingErrorCode.NotFound:
      return 404;
    case SchedulingErrorCode.SlotTaken:
    case SchedulingErrorCode.HoldLapsed:
    case SchedulingErrorCode.InvalidTransition:
      return 409;
  }
}

/** The public API names fields as the request does (`startsAt`, `patient.phone`), not as the internal `input.*`. */
const publicName = (text: string): string => text.replace(/\binput\./g, '');

/** Every failure of a public route as `{ code, message, field? }`; nothing internal leaks, unexpected errors are logged. */
@Catch()
export class PublicApiFilter implements ExceptionFilter {
  private readonly logger = new Logger('PublicApi');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.answer(exception);
    response.status(status).json(body);
  }

  private answer(exception: unknown): [number, PublicErrorBody] {
    if (exception instanceof SchedulingError) {
      return [
        publicStatus(exception.code),
        {
          code: exception.code,
          message: publicName(exception.message),
          ...(exception.field ? { field: publicName(exception.field) } : {}),
        },
      ];
    }
    if (exception instanceof OnlineBookingError)
      return [422, { code: exception.code, message: exception.message, field: exception.field }];
    if (exception instanceof DirectoryUnavailableError) {
      this.logger.warn({ msg: 'directory unreachable', reason: exception.reason });
      return [503, { code: 'ONLINE.DIRECTORY_UNAVAILABLE', message: exception.message }];
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
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return [500, { code: 'INTERNAL', message: 'Internal error' }];
  }
}

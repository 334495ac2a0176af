import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { InternalApiException, type InternalErrorBody } from './internal-api.errors';

/** Turns every failure of an internal endpoint into `{ code, message, field? }`; unexpected ones are logged, not leaked. */
@Catch()
export class InternalApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('InternalApi');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    let status = 500;
    let body: InternalErrorBody = { code: 'INTERNAL', message: 'Internal error' };
    if (exception instanceof InternalApiException) {
      status = exception.status;
      body = {
        code: exception.code,
        message: exception.message,
        ...(exception.field ? { field: exception.field } : {}),
      };
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      body = { code: status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', message: exception.message };
    } else {
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    }
    response.status(status).json(body);
  }
}

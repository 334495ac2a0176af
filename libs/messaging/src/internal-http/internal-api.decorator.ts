import { applyDecorators, Controller, UseFilters, UseGuards } from '@nestjs/common';
import { InternalApiExceptionFilter } from './internal-api.filter';
import { InternalApiGuard } from './internal-api.guard';

/** A controller of the internal API: under `/internal/<path>`, service-token guarded, typed error bodies. */
export const InternalApiController = (path: string): ClassDecorator =>
  applyDecorators(Controller(`internal/${path}`), UseGuards(InternalApiGuard), UseFilters(InternalApiExceptionFilter));

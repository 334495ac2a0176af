import { applyDecorators, Controller, SetMetadata, UseFilters, UseGuards } from '@nestjs/common';
import { InternalApiExceptionFilter } from './internal-api.filter';
import { InternalApiGuard } from './internal-api.guard';
import { ALLOWED_CALLERS, DEVELOPMENT_ONLY } from './internal-api.metadata';

export interface InternalApiControllerOptions {
  /** The services that may call every route of the controller (a route may narrow it with `@AllowedCallers`). */
  callers: readonly string[];
}

/**
 * A controller of the internal API: under `/internal/<path>`, service-token guarded, typed error bodies. Declaring who
 * may call is required: a service reached by a token that is not on the list is answered 403.
 */
export const InternalApiController = (path: string, options: InternalApiControllerOptions): ClassDecorator =>
  applyDecorators(
    Controller(`internal/${path}`),
    SetMetadata(ALLOWED_CALLERS, options.callers),
    UseGuards(InternalApiGuard),
    UseFilters(InternalApiExceptionFilter),
  );

/** The services that may call this route, replacing its controller's list. */
export const AllowedCallers = (...callers: string[]): MethodDecorator => SetMetadata(ALLOWED_CALLERS, callers);

/**
 * A development aid (looking a member up by e-mail…): answered 404, as if absent, unless the service was started with
 * INTERNAL_DEVELOPMENT_ROUTES=on (the local stack's development launcher does; deployments do not).
 */
export const DevelopmentOnly = (): MethodDecorator => SetMetadata(DEVELOPMENT_ONLY, true);

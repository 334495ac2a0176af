import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ALLOWED_CALLERS, DEVELOPMENT_ONLY } from './internal-api.metadata';
import { InternalApiException } from './internal-api.errors';
import { type CallerKeys, parseCallerKeys, verifyServiceToken } from './service-identity';

export const INTERNAL_API_OPTIONS = Symbol('INTERNAL_API_OPTIONS');

export interface InternalApiOptions {
  /** This service's name: tokens must be addressed to it. */
  serviceName: string;
  /** The public key of each service that may sign calls (SERVICE_PUBLIC_KEYS text or parsed). */
  callerKeys: string | CallerKeys;
  /** Serve `@DevelopmentOnly` routes (INTERNAL_DEVELOPMENT_ROUTES=on); off by default. */
  developmentRoutes?: boolean;
}

interface RequestWithCaller {
  method: string;
  originalUrl: string;
  headers: Record<string, string | string[] | undefined>;
  callerService?: string;
}

/**
 * Admits a call signed by a known service with its own key, addressed to this service, made for this very method and
 * path, from a service on the route's allowed callers.
 */
@Injectable()
export class InternalApiGuard implements CanActivate {
  private readonly callerKeys: CallerKeys;

  constructor(
    @Inject(INTERNAL_API_OPTIONS) private readonly options: InternalApiOptions,
    private readonly reflector: Reflector,
  ) {
    this.callerKeys = typeof options.callerKeys === 'string' ? parseCallerKeys(options.callerKeys) : options.callerKeys;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(DEVELOPMENT_ONLY, targets) && !this.options.developmentRoutes)
      throw new InternalApiException(404, 'NOT_FOUND', 'No such internal route');
    const request = context.switchToHttp().getRequest<RequestWithCaller>();
    const header = request.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : undefined;
    if (!token) throw new InternalApiException(401, 'UNAUTHENTICATED', 'A service token is required');
    let caller: string;
    try {
      caller = await verifyServiceToken(
        token,
        { self: this.options.serviceName, method: request.method, path: request.originalUrl },
        this.callerKeys,
      );
    } catch (error) {
      throw new InternalApiException(401, 'UNAUTHENTICATED', `Invalid service token: ${(error as Error).message}`);
    }
    // Fail closed: a route that declares no callers admits nobody.
    const allowed = this.reflector.getAllAndOverride<readonly string[] | undefined>(ALLOWED_CALLERS, targets) ?? [];
    if (!allowed.includes(caller))
      throw new InternalApiException(
        403,
        'FORBIDDEN',
        `${caller} may not call this route of ${this.options.serviceName}`,
      );
    request.callerService = caller;
    return true;
  }
}

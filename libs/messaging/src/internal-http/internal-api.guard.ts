import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { InternalApiException } from './internal-api.errors';
import { verifyServiceToken } from './service-identity';

export const INTERNAL_API_OPTIONS = Symbol('INTERNAL_API_OPTIONS');

export interface InternalApiOptions {
  /** This service's name: tokens must be addressed to it. */
  serviceName: string;
  secret: string;
  /** Services allowed to call; omit to accept any platform service. */
  allowedCallers?: string[];
}

interface RequestWithCaller {
  headers: Record<string, string | string[] | undefined>;
  callerService?: string;
}

/** Admits only calls signed by another platform service and addressed to this one. */
@Injectable()
export class InternalApiGuard implements CanActivate {
  constructor(@Inject(INTERNAL_API_OPTIONS) private readonly options: InternalApiOptions) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithCaller>();
    const header = request.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : undefined;
    if (!token) throw new InternalApiException(401, 'UNAUTHENTICATED', 'A service token is required');
    let caller: string;
    try {
      caller = await verifyServiceToken(token, this.options.serviceName, this.options.secret);
    } catch (error) {
      throw new InternalApiException(401, 'UNAUTHENTICATED', `Invalid service token: ${(error as Error).message}`);
    }
    if (this.options.allowedCallers && !this.options.allowedCallers.includes(caller)) {
      throw new InternalApiException(403, 'FORBIDDEN', `${caller} may not call ${this.options.serviceName}`);
    }
    request.callerService = caller;
    return true;
  }
}

import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { USER_CONTEXT_HEADER, verifyUserContext } from '../user-context.signer';
import { SUBGRAPH_AUTH_OPTIONS, type SubgraphAuthOptions } from './auth.options';
import { requestOf } from './request-of';

/**
 * Every GraphQL operation of a subgraph needs the user context the gateway signed; a subgraph port reached directly
 * answers UNAUTHENTICATED. HTTP routes (health, metrics, internal API with its own guard) are not GraphQL and pass.
 */
@Injectable()
export class SubgraphAuthGuard implements CanActivate {
  constructor(@Inject(SUBGRAPH_AUTH_OPTIONS) private readonly options: SubgraphAuthOptions) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const request = requestOf(context);
    if (!request) return false;
    if (request.user) return true; // already verified for this request (several resolvers run per operation)
    const header = request.headers[USER_CONTEXT_HEADER];
    request.user = await verifyUserContext(typeof header === 'string' ? header : undefined, this.options.userContextSecret);
    return true;
  }
}

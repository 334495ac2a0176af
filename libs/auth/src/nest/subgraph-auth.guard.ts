import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { requestOf } from './request-of';
import { SubgraphAuthenticator } from './subgraph-authenticator';

/**
 * Every GraphQL operation of a subgraph needs the user context the gateway signed; a subgraph port reached directly
 * answers UNAUTHENTICATED. HTTP routes (health, metrics, internal API with its own guard) are not GraphQL and pass.
 */
@Injectable()
export class SubgraphAuthGuard implements CanActivate {
  constructor(private readonly authenticator: SubgraphAuthenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    await this.authenticator.authenticate(requestOf(context));
    return true;
  }
}

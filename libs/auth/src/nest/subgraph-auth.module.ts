import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { SUBGRAPH_AUTH_OPTIONS, type SubgraphAuthOptions } from './auth.options';
import { SubgraphAuthenticator } from './subgraph-authenticator';
import { SubgraphAuthGuard } from './subgraph-auth.guard';

/** Makes every GraphQL operation of the service require the gateway-signed user context. */
@Module({})
export class SubgraphAuthModule {
  static forRoot(options: SubgraphAuthOptions): DynamicModule {
    return {
      module: SubgraphAuthModule,
      global: true,
      providers: [
        { provide: SUBGRAPH_AUTH_OPTIONS, useValue: options },
        SubgraphAuthenticator,
        { provide: APP_GUARD, useClass: SubgraphAuthGuard },
      ],
      exports: [SubgraphAuthenticator],
    };
  }
}

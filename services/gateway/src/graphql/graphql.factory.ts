import { ApolloDriver, ApolloDriverConfig, ApolloGatewayDriver, ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Type } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { GatewayConfig } from '../config/gateway.config';
import { PlatformModule } from '../platform/platform.module';
import { FederatedGraphqlOptions } from './federated-graphql.options';
import { LocalGraphqlOptions } from './local-graphql.options';

export { GRAPHQL_PATH } from './graphql-path';

/**
 * With subgraphs configured (or a supergraph composed at build time), the gateway serves them through Apollo Gateway:
 * from the supergraph file in production, composed by introspection at startup in development (`supergraph-source`).
 * Without any yet, it serves its own small public schema so the front door answers.
 */
export function graphqlModules(config: GatewayConfig): Array<DynamicModule | Type> {
  if (!config.federated) {
    return [
      GraphQLModule.forRootAsync<ApolloDriverConfig>({ driver: ApolloDriver, useClass: LocalGraphqlOptions }),
      PlatformModule,
    ];
  }
  return [
    GraphQLModule.forRootAsync<ApolloGatewayDriverConfig>({
      driver: ApolloGatewayDriver,
      useClass: FederatedGraphqlOptions,
    }),
  ];
}

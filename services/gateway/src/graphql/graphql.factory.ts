import { IntrospectAndCompose } from '@apollo/gateway';
import { ApolloDriver, ApolloDriverConfig, ApolloGatewayDriver, ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Type } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { GatewayConfig } from '../config/gateway.config';
import { PlatformModule } from '../platform/platform.module';
import { ForwardingDataSource } from './forwarding-data-source';
import { gatewayContext } from './gateway-context';

export const GRAPHQL_PATH = '/graphql';

/**
 * With subgraphs configured, the gateway composes them (by introspection, for development; a supergraph composed at
 * build time replaces it in production). Without any yet, it serves its own small schema so the front door answers.
 */
export function graphqlModules(config: GatewayConfig): Array<DynamicModule | Type> {
  if (config.subgraphs.length === 0) {
    return [
      GraphQLModule.forRoot<ApolloDriverConfig>({
        driver: ApolloDriver,
        path: GRAPHQL_PATH,
        autoSchemaFile: true,
        sortSchema: true,
      }),
      PlatformModule,
    ];
  }
  return [
    GraphQLModule.forRoot<ApolloGatewayDriverConfig>({
      driver: ApolloGatewayDriver,
      server: { path: GRAPHQL_PATH, context: gatewayContext },
      gateway: {
        supergraphSdl: new IntrospectAndCompose({
          subgraphs: config.subgraphs.map(({ name, url }) => ({ name, url })),
        }),
        buildService: ({ url }) => new ForwardingDataSource({ url }),
      },
    }),
  ];
}

import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { DataSourceOptions, MigrationInterface } from 'typeorm';
import { SubgraphAuthModule } from '@msp/auth';
import { InternalApiModule, MESSAGING_MIGRATIONS, MessagingModule, MessagingReadinessCheck } from '@msp/messaging';
import { DatabaseReadinessCheck, ObservabilityModule } from '@msp/observability';
import { PersistenceModule } from '@msp/persistence';
import { ArgumentChecksInterceptor } from './argument-checks.interceptor';
import { HttpInputChecksPipe } from './http-input-checks.pipe';
import { PLATFORM_SERVICE_NAME, PlatformExceptionFilter } from './platform-exception.filter';
import type { PlatformTrust } from './service-env';

export interface PlatformSubgraphOptions {
  serviceName: string;
  databaseUrl: string;
  /** The service's own entities and migrations; the outbox/inbox migrations are added here. */
  entities: DataSourceOptions['entities'];
  migrations: ReadonlyArray<new () => MigrationInterface>;
  kafkaBrokers: string[];
  /** Topics consumed (with `@HandleEvent` handlers); none for a producer-only service. */
  subscribeTo?: string[];
  consumerGroup?: string;
  /** Keys and switches from platformTrustOf(env). */
  trust: PlatformTrust;
}

/**
 * What every business service of the platform is made of, in one place: logs, health and metrics; its own database
 * with migrations; the outbox/inbox over Kafka; the gateway-signed user context on every GraphQL operation; the
 * service-token internal API; a federation subgraph at /graphql; and one way to answer failures (domain errors by
 * kind, outages as retryable UNAVAILABLE) and to refuse hostile arguments, so a service registers no filter of its own.
 */
@Module({})
export class PlatformSubgraphModule {
  static forRoot(options: PlatformSubgraphOptions): DynamicModule {
    return {
      module: PlatformSubgraphModule,
      imports: [
        ObservabilityModule.forRoot({
          serviceName: options.serviceName,
          readinessChecks: [DatabaseReadinessCheck, MessagingReadinessCheck],
        }),
        PersistenceModule.forRoot({
          url: options.databaseUrl,
          entities: options.entities,
          migrations: [...MESSAGING_MIGRATIONS, ...options.migrations],
          applicationName: options.serviceName,
        }),
        MessagingModule.forRoot({
          serviceName: options.serviceName,
          brokers: options.kafkaBrokers,
          subscribeTo: options.subscribeTo,
          consumerGroup: options.consumerGroup,
        }),
        SubgraphAuthModule.forRoot({
          userContextPublicKey: options.trust.userContextPublicKey,
          audience: options.serviceName,
        }),
        InternalApiModule.forRoot({
          serviceName: options.serviceName,
          callerKeys: options.trust.servicePublicKeys,
          developmentRoutes: options.trust.developmentRoutes,
        }),
        GraphQLModule.forRoot<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          autoSchemaFile: { federation: 2 },
          path: '/graphql',
          context: ({ req }: { req: unknown }) => ({ req }),
          // Traces would tell the gateway (and its clients) how long each resolver took: not needed, and noisy.
          // The cast: this CommonJS file sees @apollo/server's CommonJS typings, @nestjs/apollo (ESM) its ESM ones.
          plugins: [ApolloServerPluginInlineTraceDisabled() as unknown as ApolloServerPlugin],
          // Fields that federation adds to other services' entities (Member.agenda…) are answered the same way. (Interceptors
          // stay off there: Nest's interceptor wrapping breaks @ResolveReference.)
          fieldResolverEnhancers: ['filters'],
        }),
      ],
      providers: [
        { provide: PLATFORM_SERVICE_NAME, useValue: options.serviceName },
        { provide: APP_FILTER, useClass: PlatformExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: ArgumentChecksInterceptor },
        { provide: APP_PIPE, useClass: HttpInputChecksPipe },
      ],
    };
  }
}

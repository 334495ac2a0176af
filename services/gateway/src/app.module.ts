import { ObservabilityModule, ObservabilityOptions } from '@msp/observability';
import { DynamicModule, Module } from '@nestjs/common';
import { ConsoleRouteModule } from './console/console-route.module';
import { GatewayConfigModule } from './config/gateway-config.module';
import { GatewayConfig } from './config/gateway.config';
import { graphqlModules } from './graphql/graphql.factory';
import { PublicRouteModule } from './public/public-route.module';

/** What differs between a gateway in production and one a test starts. */
export interface GatewayRuntimeOptions {
  /** Where log lines go instead of stdout: lets tests read what was logged. */
  logDestination?: ObservabilityOptions['logDestination'];
}

@Module({})
export class AppModule {
  /** Built from a config object rather than read from process.env, so tests start gateways side by side. */
  static forRoot(config: GatewayConfig, runtime: GatewayRuntimeOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        GatewayConfigModule.forRoot(config),
        ObservabilityModule.forRoot({
          serviceName: 'gateway',
          logLevel: config.logLevel,
          logDestination: runtime.logDestination,
        }),
        ...graphqlModules(config),
        PublicRouteModule.forRoot(),
        ConsoleRouteModule.forRoot(),
      ],
    };
  }
}

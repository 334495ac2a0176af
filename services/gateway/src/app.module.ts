import { ObservabilityModule } from '@msp/observability';
import { DynamicModule, Module } from '@nestjs/common';
import { GatewayConfigModule } from './config/gateway-config.module';
import { GatewayConfig } from './config/gateway.config';
import { graphqlModules } from './graphql/graphql.factory';

@Module({})
export class AppModule {
  /** Built from a config object rather than read from process.env, so tests start gateways side by side. */
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        GatewayConfigModule.forRoot(config),
        ObservabilityModule.forRoot({ serviceName: 'gateway', logLevel: config.logLevel }),
        ...graphqlModules(config),
      ],
    };
  }
}

import { DynamicModule, Global, Module } from '@nestjs/common';
import { GatewayConfig } from './gateway.config';

/** Makes the validated config injectable everywhere by its class. */
@Global()
@Module({})
export class GatewayConfigModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayConfigModule,
      providers: [{ provide: GatewayConfig, useValue: config }],
      exports: [GatewayConfig],
    };
  }
}

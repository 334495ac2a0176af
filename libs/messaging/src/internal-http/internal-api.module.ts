import { type DynamicModule, Module } from '@nestjs/common';
import { INTERNAL_API_OPTIONS, InternalApiGuard, type InternalApiOptions } from './internal-api.guard';

/** Server side of the internal HTTP API; controllers use `@InternalApiController`. */
@Module({})
export class InternalApiModule {
  static forRoot(options: InternalApiOptions): DynamicModule {
    return {
      module: InternalApiModule,
      global: true,
      providers: [{ provide: INTERNAL_API_OPTIONS, useValue: options }, InternalApiGuard],
      exports: [INTERNAL_API_OPTIONS, InternalApiGuard],
    };
  }
}

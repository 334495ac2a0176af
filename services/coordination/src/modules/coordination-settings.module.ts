import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Clock } from '@msp/service-kit';
import { INTERNAL_CLIENT_SETTINGS } from '../application/internal-client-settings';
import type { CoordinationConfig } from '../config/coordination.config';

/** The service's settings and its clock, for every feature module. */
@Global()
@Module({})
export class CoordinationSettingsModule {
  static forRoot(config: CoordinationConfig): DynamicModule {
    const providers = [Clock, { provide: INTERNAL_CLIENT_SETTINGS, useValue: config.clients }];
    return { module: CoordinationSettingsModule, providers, exports: providers };
  }
}

import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Clock } from '@msp/service-kit';
import { DIRECTORY_CLIENT_SETTINGS } from '../application/directory-client-settings';
import { SWEEP_SETTINGS } from '../application/escalation/escalation-sweep.job';
import type { DelegationConfig } from '../config/delegation.config';

/** The service's settings and its clock, for every feature module. */
@Global()
@Module({})
export class DelegationSettingsModule {
  static forRoot(config: DelegationConfig): DynamicModule {
    const providers = [
      Clock,
      { provide: SWEEP_SETTINGS, useValue: { intervalMs: config.sweepIntervalMs } },
      { provide: DIRECTORY_CLIENT_SETTINGS, useValue: config.directory },
    ];
    return { module: DelegationSettingsModule, providers, exports: providers };
  }
}

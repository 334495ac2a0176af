import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Clock } from '@msp/service-kit';
import { PATIENT_SERVICES_SETTINGS } from '../application/patient-services-settings';
import { SCHEDULING_SETTINGS, type SchedulingSettings } from '../application/scheduling-settings';
import type { SchedulingConfig } from '../config/scheduling.config';

/** The service's tunables and its clock, for every feature module. */
@Global()
@Module({})
export class SchedulingSettingsModule {
  static forRoot(config: SchedulingConfig): DynamicModule {
    const settings: SchedulingSettings = {
      holdTtlSeconds: config.holdTtlSeconds,
      holdSweepSeconds: config.holdSweepSeconds,
    };
    const providers = [
      { provide: SCHEDULING_SETTINGS, useValue: settings },
      { provide: PATIENT_SERVICES_SETTINGS, useValue: config.patientServices },
      Clock,
    ];
    return { module: SchedulingSettingsModule, providers, exports: providers };
  }
}

import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Clock } from '@msp/service-kit';
import type { CallRoutingConfig } from '../config/call-routing.config';
import { TELEPHONY_SETTINGS } from '../interface/telephony/telephony-settings';

/** The service's telephony settings and its clock, for every feature module. */
@Global()
@Module({})
export class CallRoutingSettingsModule {
  static forRoot(config: CallRoutingConfig): DynamicModule {
    const providers = [{ provide: TELEPHONY_SETTINGS, useValue: config.telephony }, Clock];
    return { module: CallRoutingSettingsModule, providers, exports: providers };
  }
}

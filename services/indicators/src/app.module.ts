import { type DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@msp/contracts';
import { PlatformSubgraphModule } from '@msp/service-kit';
import type { IndicatorsConfig } from './config/indicators.config';
import { INDICATORS_ENTITIES } from './infrastructure/entities';
import { INDICATORS_MIGRATIONS } from './infrastructure/migrations';
import { ActivityProjectionsModule } from './modules/activity-projections.module';
import { IndicatorsDashboardModule } from './modules/indicators-dashboard.module';
import { IndicatorsSettingsModule } from './modules/indicators-settings.module';

export const SERVICE_NAME = 'indicators';

/** Indicators: the platform's building blocks, then one module per capability. */
@Module({})
export class AppModule {
  static forRoot(config: IndicatorsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformSubgraphModule.forRoot({
          serviceName: SERVICE_NAME,
          databaseUrl: config.databaseUrl,
          entities: INDICATORS_ENTITIES,
          migrations: INDICATORS_MIGRATIONS,
          kafkaBrokers: config.kafkaBrokers,
          // Every business service's facts: sites and members, appointments, calls, tasks and protocols, meetings.
          subscribeTo: [
            TOPICS.directory,
            TOPICS.scheduling,
            TOPICS.callRouting,
            TOPICS.delegation,
            TOPICS.coordination,
          ],
          consumerGroup: config.consumerGroup,
          trust: config.trust,
        }),
        IndicatorsSettingsModule.forRoot(config.dataDir),
        ActivityProjectionsModule.forRoot({ recomputeIntervalMs: config.recomputeIntervalMs }),
        IndicatorsDashboardModule.forRoot({
          directoryInternalUrl: config.directoryInternalUrl,
          servicePrivateKey: config.trust.servicePrivateKey,
        }),
      ],
    };
  }
}

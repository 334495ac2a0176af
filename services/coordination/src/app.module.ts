import { type DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@msp/contracts';
import { PlatformSubgraphModule } from '@msp/service-kit';
import type { CoordinationConfig } from './config/coordination.config';
import { COORDINATION_ENTITIES } from './infrastructure/entities';
import { COORDINATION_MIGRATIONS } from './infrastructure/migrations';
import { AciConcertationModule } from './modules/aci-concertation.module';
import { CoordinationSettingsModule } from './modules/coordination-settings.module';
import { DemoMeetingsModule } from './modules/demo-meetings.module';
import { CoordinationSweepModule } from './modules/coordination-sweep.module';
import { MeetingSeriesModule } from './modules/meeting-series.module';
import { MeetingsModule } from './modules/meetings.module';
import { NotificationInboxModule } from './modules/notification-inbox.module';
import { PlanningModule } from './modules/planning.module';
import { MinutesModule } from './modules/minutes.module';
import { TeamCopyModule } from './modules/team-copy.module';

export const SERVICE_NAME = 'coordination';

/** Coordination meetings: the platform's building blocks, then one module per capability. */
@Module({})
export class AppModule {
  static forRoot(config: CoordinationConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformSubgraphModule.forRoot({
          serviceName: SERVICE_NAME,
          databaseUrl: config.databaseUrl,
          entities: COORDINATION_ENTITIES,
          migrations: COORDINATION_MIGRATIONS,
          kafkaBrokers: config.kafkaBrokers,
          // Members and sites (directory); refusals to block an agenda (scheduling).
          subscribeTo: [TOPICS.directory, TOPICS.scheduling],
          consumerGroup: config.consumerGroup,
          trust: config.trust,
        }),
        CoordinationSettingsModule.forRoot(config),
        TeamCopyModule,
        MeetingsModule,
        PlanningModule,
        MeetingSeriesModule,
        NotificationInboxModule,
        CoordinationSweepModule.forRoot(config),
        MinutesModule,
        AciConcertationModule,
        DemoMeetingsModule.forRoot(config.loadDemoData),
      ],
    };
  }
}

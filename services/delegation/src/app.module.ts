import { type DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@msp/contracts';
import { PlatformSubgraphModule } from '@msp/service-kit';
import type { DelegationConfig } from './config/delegation.config';
import { DELEGATION_ENTITIES } from './infrastructure/entities';
import { DELEGATION_MIGRATIONS } from './infrastructure/migrations';
import { DelegationReviewModule } from './modules/delegation-review.module';
import { DelegationSettingsModule } from './modules/delegation-settings.module';
import { DemoProtocolsModule } from './modules/demo-protocols.module';
import { EscalationModule } from './modules/escalation.module';
import { ProtocolsModule } from './modules/protocols.module';
import { TaskBoardModule } from './modules/task-board.module';
import { TaskCatalogueModule } from './modules/task-catalogue.module';
import { TaskSourcesModule } from './modules/task-sources.module';
import { TeamCopyModule } from './modules/team-copy.module';

export const SERVICE_NAME = 'delegation';

/** Delegation under protocols: the platform's building blocks, then one module per capability. */
@Module({})
export class AppModule {
  static forRoot(config: DelegationConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformSubgraphModule.forRoot({
          serviceName: SERVICE_NAME,
          databaseUrl: config.databaseUrl,
          entities: DELEGATION_ENTITIES,
          migrations: DELEGATION_MIGRATIONS,
          kafkaBrokers: config.kafkaBrokers,
          // Members and sites (directory), absences and follow-ups (scheduling), messages (call routing), action items.
          subscribeTo: [TOPICS.directory, TOPICS.scheduling, TOPICS.callRouting, TOPICS.coordination],
          consumerGroup: config.consumerGroup,
          trust: config.trust,
        }),
        DelegationSettingsModule.forRoot(config),
        TeamCopyModule,
        TaskCatalogueModule,
        ProtocolsModule,
        TaskBoardModule,
        TaskSourcesModule,
        EscalationModule,
        DelegationReviewModule,
        DemoProtocolsModule.forRoot(config.loadDemoData),
      ],
    };
  }
}

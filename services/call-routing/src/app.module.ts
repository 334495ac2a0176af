import { type DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@msp/contracts';
import { PlatformSubgraphModule, PublicListenerModule } from '@msp/service-kit';
import type { CallRoutingConfig } from './config/call-routing.config';
import { CALL_ROUTING_ENTITIES } from './infrastructure/entities';
import { CALL_ROUTING_MIGRATIONS } from './infrastructure/migrations';
import { CallHandlingModule } from './modules/call-handling.module';
import { CallJournalModule } from './modules/call-journal.module';
import { CallRoutingSettingsModule } from './modules/call-routing-settings.module';
import { DemoLinesModule } from './modules/demo-lines.module';
import { DemoMonthModule } from './modules/demo-month.module';
import { DependencyClientsModule } from './modules/dependency-clients.module';
import { DirectoryCopyModule } from './modules/directory-copy.module';
import { LinesModule } from './modules/lines.module';
import { PractitionerPresenceModule } from './modules/practitioner-presence.module';
import { RulebooksModule } from './modules/rulebooks.module';
import { SimulatorModule } from './modules/simulator.module';
import { SiteCallSettingsModule } from './modules/site-call-settings.module';
import { TelephonyModule } from './modules/telephony.module';

export const SERVICE_NAME = 'call-routing';

/** The virtual secretary: the platform's building blocks, then one module per capability. */
@Module({})
export class AppModule {
  static forRoot(config: CallRoutingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformSubgraphModule.forRoot({
          serviceName: SERVICE_NAME,
          databaseUrl: config.databaseUrl,
          entities: CALL_ROUTING_ENTITIES,
          migrations: CALL_ROUTING_MIGRATIONS,
          kafkaBrokers: config.kafkaBrokers,
          // Sites and members (directory), consultations and absences (scheduling).
          subscribeTo: [TOPICS.directory, TOPICS.scheduling],
          consumerGroup: config.consumerGroup,
          trust: config.trust,
        }),
        CallRoutingSettingsModule.forRoot(config),
        DependencyClientsModule.forRoot(config.dependencies),
        // /telephony answers on PUBLIC_PORT only; the main port keeps /graphql, /internal and /metrics.
        PublicListenerModule.forRoot({ port: config.publicPort, host: config.host, routes: ['/telephony/'] }),
        DirectoryCopyModule,
        PractitionerPresenceModule,
        LinesModule,
        SiteCallSettingsModule,
        RulebooksModule,
        CallHandlingModule,
        TelephonyModule,
        SimulatorModule,
        CallJournalModule,
        DemoLinesModule.forRoot(config.loadDemoData),
        DemoMonthModule.forRoot(config.loadDemoData),
      ],
    };
  }
}
